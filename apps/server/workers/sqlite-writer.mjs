// The worker behind src/store/worker-connection.ts: one SQLite connection that an import writes
// through, so that inserting and hashing run on the other core while the main thread parses.
//
// Plain JavaScript on purpose: worker threads on Node 20 cannot load TypeScript through tsx, and
// this file must run the same from the sources (tests, tsx) and from the built server.
//
// Requests arrive in order on the worker's port. `events` batches are fire-and-forget (answered
// with an `ack` on the same port, for flow control); every other request is a synchronous call:
// the answer goes to `replies` and `signal` is raised, while the main thread waits on it.
import { createHash } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const { file, pragmas, replies, signal: signalBuffer } = workerData;
const signal = new Int32Array(signalBuffer);

let db;
let insert;
let contentId;
const hash = createHash('sha256');
/** The first failure of a fire-and-forget batch, reported by the next synchronous call. */
let failure;

function reply(message) {
  replies.postMessage(message);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
}

function describe(error) {
  return { message: error instanceof Error ? error.message : String(error), code: error?.code };
}

function call(request) {
  switch (request.op) {
    case 'content':
      return { contentId, hash: hash.digest('hex') };
    case 'exec':
      db.exec(request.sql);
      return null;
    case 'run': {
      const info = db.prepare(request.sql).run(...request.params);
      return { changes: info.changes, lastInsertRowid: Number(info.lastInsertRowid) };
    }
    case 'get':
      return db.prepare(request.sql).get(...request.params);
    case 'all':
      return db.prepare(request.sql).all(...request.params);
    case 'in-transaction':
      return db?.open === true && db.inTransaction;
    default:
      throw new Error(`unknown request ${request.op}`);
  }
}

/** Opens the transaction and the content row its events belong to (named by its hash at the end). */
function begin({ placeholder, createdAt }) {
  try {
    db = new Database(file);
    for (const pragma of pragmas) db.pragma(pragma);
    db.exec('BEGIN IMMEDIATE');
    const info = db
      .prepare('INSERT INTO contents (hash, event_count, created_at) VALUES (?, 0, ?)')
      .run(placeholder, createdAt);
    contentId = Number(info.lastInsertRowid);
    insert = db.prepare('INSERT INTO events (content_id, ordinal, ts, doc) VALUES (?, ?, ?, ?)');
  } catch (error) {
    failure = describe(error);
  }
}

/** Inserts one batch: `text` holds the documents, each followed by a newline, ending at `ends`. */
function events({ firstOrdinal, text, ends, ts }) {
  if (failure) return;
  try {
    hash.update(text);
    let start = 0;
    for (let i = 0; i < ends.length; i++) {
      const end = ends[i];
      const time = ts[i];
      insert.run(contentId, firstOrdinal + i, Number.isNaN(time) ? null : time, text.slice(start, end));
      start = end + 1;
    }
  } catch (error) {
    failure = describe(error);
  }
}

parentPort.on('message', (request) => {
  if (request.op === 'begin') {
    begin(request);
    return;
  }
  if (request.op === 'events') {
    events(request);
    parentPort.postMessage({ op: 'ack' });
    return;
  }
  if (request.op === 'close') {
    // After the commit has been answered: the WAL checkpoint is housekeeping, off the critical path.
    try {
      if (request.checkpoint && db?.open) db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // The store may be gone already (a test's temporary folder); nothing depends on this.
    }
    try {
      db?.close();
    } catch {}
    parentPort.close();
    return;
  }
  const undoing = request.op === 'in-transaction' || (request.op === 'exec' && request.sql === 'ROLLBACK');
  if (failure && !undoing) {
    reply({ error: failure });
    return;
  }
  try {
    reply({ result: call(request) });
  } catch (error) {
    reply({ error: describe(error) });
  }
});
