import { once } from 'node:events';
import { createWriteStream, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';

export interface BodyOutcome {
  size: number;
  tooLarge: boolean;
}

/**
 * Reads a request body to its end, handing chunks to `take` up to `limit` bytes. Past the limit
 * the rest is read and dropped, so the 413 answer goes out on a connection still in step with
 * the client: a server that stops reading mid-upload looks like a network failure to a browser.
 * `take` may return a promise to hold the reading back (a file being written).
 */
export function consumeBody(req: IncomingMessage, limit: number, take: (chunk: Buffer) => Promise<unknown> | void): Promise<BodyOutcome> {
  return new Promise((resolve, reject) => {
    let size = 0;
    let tooLarge = Number(req.headers['content-length'] ?? 0) > limit;
    let failure: unknown = null;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      if (tooLarge || failure) return;
      const pending = take(chunk);
      if (!pending) return;
      req.pause();
      pending.then(
        () => req.resume(),
        (error: unknown) => {
          failure = error;
          req.resume();
        },
      );
    });
    req.on('end', () => (failure ? reject(failure) : resolve({ size, tooLarge })));
    req.on('error', reject);
    req.on('close', () => {
      if (!req.complete) reject(new Error('aborted'));
    });
  });
}

/** A JSON body in memory, at most `limit` bytes. */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<BodyOutcome & { bytes: Buffer }> {
  const chunks: Buffer[] = [];
  const outcome = await consumeBody(req, limit, (chunk) => void chunks.push(chunk));
  return { ...outcome, bytes: Buffer.concat(chunks) };
}

/** An upload written straight to `path` (never held whole in memory); nothing is left there when it is too large or fails. */
export async function writeBodyToFile(req: IncomingMessage, limit: number, path: string): Promise<BodyOutcome> {
  const file = createWriteStream(path, { flags: 'wx', mode: 0o600 });
  const fileFailed = new Promise<never>((_, reject) => file.once('error', reject));
  fileFailed.catch(() => undefined);
  try {
    const outcome = await consumeBody(req, limit, (chunk) => (file.write(chunk) ? undefined : Promise.race([once(file, 'drain'), fileFailed])));
    file.end();
    await Promise.race([once(file, 'close'), fileFailed]);
    if (outcome.tooLarge) rmSync(path, { force: true });
    return outcome;
  } catch (error) {
    file.destroy();
    rmSync(path, { force: true });
    throw error;
  }
}
