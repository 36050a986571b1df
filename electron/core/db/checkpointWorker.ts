// The WAL checkpointer's thread: its own connection to the database file, folding the log into
// the file when asked, so a big commit returns without waiting for its copy into the file.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { CheckpointReply, CheckpointRequest } from './walCheckpointer';

const { file } = workerData as { file: string };
const db = new Database(file, { fileMustExist: true });
db.pragma('busy_timeout = 5000');

parentPort!.on('message', (message: CheckpointRequest) => {
  if (message.type === 'close') {
    db.close();
    parentPort!.close();
    return;
  }
  let reply: CheckpointReply;
  try {
    // PASSIVE: copies what no reader still needs, never waits for or blocks the app's connection.
    const [result] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
    reply = { type: 'done', id: message.id, log: result?.log ?? 0, checkpointed: result?.checkpointed ?? 0 };
  } catch (error) {
    reply = { type: 'failed', id: message.id, message: (error as Error).message };
  }
  parentPort!.postMessage(reply);
});
