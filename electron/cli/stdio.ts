/**
 * Lines written to stdout or stderr, with a promise for when the last one has left the
 * process. Exiting before that cuts piped output at the pipe's buffer (64 KiB on Linux), and a
 * reader that stops early (`| head -c 100`) must end the output quietly, not with a stack trace.
 */
export interface LineWriter {
  line(text: string): void;
  /** Resolves when everything written so far has been handed to the OS, or the reader has gone. */
  drained(): Promise<void>;
}

export function lineWriter(stream: NodeJS.WritableStream): LineWriter {
  let gone = false;
  const waiting = new Set<() => void>();
  // EPIPE when the reader closed the pipe: there is no one left to tell, so writing stops.
  stream.on('error', () => {
    gone = true;
    for (const resolve of waiting) resolve();
    waiting.clear();
  });
  let last: Promise<void> = Promise.resolve();
  return {
    line(text) {
      if (gone) return;
      last = new Promise<void>((resolve) => {
        const done = () => {
          waiting.delete(done);
          resolve();
        };
        waiting.add(done);
        stream.write(`${text}\n`, done);
      });
    },
    drained: () => last,
  };
}
