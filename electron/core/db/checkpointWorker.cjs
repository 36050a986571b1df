// The WAL checkpointer's thread (started by walCheckpointer.ts): its own connection to the database
// file, folding the log into the file when asked, so a big write returns without waiting for that
// copy. Plain CommonJS on purpose: the thread starts without a TypeScript loader, in tests and in
// the build alike, and costs the process a few MB instead of tens (a 1M-row import counts its peak).
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const Database = require('better-sqlite3');

const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 5000');

parentPort.on('message', (message) => {
  if (message.type === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  let reply;
  try {
    // PASSIVE: copies what no reader still needs, never waits for or blocks the app's connection.
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    reply = { type: 'done', id: message.id, log: result ? result.log : 0, checkpointed: result ? result.checkpointed : 0 };
  } catch (error) {
    reply = { type: 'failed', id: message.id, message: error.message };
  }
  parentPort.postMessage(reply);
});
