import { closeSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

const CHUNK = 1 << 20;

/** Flushes a file's bytes to the disk, so a power cut after this cannot leave it half written. */
export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename in `path`'s folder durable (POSIX); Windows has no directory handle to flush. */
export function fsyncFolderOf(path: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dirname(path), 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Copies in chunks and flushes the copy. `BHXH_TEST_KILL_AT=copy` ends the process after the
 * first chunk: the tests' way to pull the plug in the middle of a restore.
 */
export function copyDurably(source: string, target: string): void {
  const from = openSync(source, 'r');
  const to = openSync(target, 'w');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK);
    for (let position = 0; ; ) {
      const read = readSync(from, buffer, 0, CHUNK, position);
      if (read === 0) break;
      writeSync(to, buffer, 0, read);
      position += read;
      if (process.env.BHXH_TEST_KILL_AT === 'copy') process.kill(process.pid, 'SIGKILL');
    }
    fsyncSync(to);
  } finally {
    closeSync(from);
    closeSync(to);
  }
}
