// The database's side connection (started by walCheckpointer.ts), on a thread of its own: it folds
// the log into the file when asked, so a big write returns without waiting for that copy, and takes
// a backup while the core's connection goes on writing (the copy is what was last committed). Plain
// CommonJS on purpose: the thread starts without a TypeScript loader, in tests and in the build
// alike, and costs the process a few MB instead of tens (a 1M-row import counts its peak).
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const Database = require('better-sqlite3');

const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 5000');

/** Pages copied per step after the first: a province's database in a few steps, not thousands of event-loop turns. */
const BACKUP_STEP_PAGES = 65536;

async function handle(message) {
  if (message.type === 'backup') {
    await db.backup(message.file, { progress: () => BACKUP_STEP_PAGES });
    return { type: 'done', id: message.id, log: 0, checkpointed: 0 };
  }
  // PASSIVE: copies what no reader still needs, never waits for or blocks the app's connection.
  const [result] = db.pragma('wal_checkpoint(PASSIVE)');
  return { type: 'done', id: message.id, log: result ? result.log : 0, checkpointed: result ? result.checkpointed : 0 };
}

// One request at a time, in the order asked (a checkpoint asked during a backup runs after it).
let queue = Promise.resolve();
parentPort.on('message', (message) => {
  queue = queue.then(async () => {
    if (message.type === 'close') {
      db.close();
      parentPort.close();
      return;
    }
    let reply;
    try {
      reply = await handle(message);
    } catch (error) {
      reply = { type: 'failed', id: message.id, message: error.message, code: error.code };
    }
    parentPort.postMessage(reply);
  });
});
