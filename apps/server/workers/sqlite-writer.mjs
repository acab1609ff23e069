// The worker behind src/store/worker-connection.ts: the SQLite connection that one large import
// writes through, so that inserting and hashing run on the other core while the main thread
// reads, parses and maps the next records.
//
// Plain JavaScript on purpose: a worker thread does not inherit tsx's loader, and this file must
// run the same from the sources (tests, tsx) and from the built server (both two folders below
// the package, see WORKER_URL).
//
// Messages arrive in order on the worker's port:
// - `begin`: open the connection and the transaction, and insert the content row;
// - `events`: a batch to insert and hash, answered on the same port (flow control) with the
//   first failure, if any, so the main thread stops sending a doomed import;
// - `close`: after a commit, checkpoint the WAL (housekeeping, off the import's critical path),
//   then close; without a commit, closing the connection rolls its transaction back;
// - anything else is a synchronous call (a statement, the content hash): the answer goes to
//   `replies` and `signal` is raised, while the main thread waits on it.
import { createHash } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const { file, pragmas, replies, signal: signalBuffer } = workerData;
const signal = new Int32Array(signalBuffer);

/** Rows per INSERT statement: fewer calls into SQLite for the same rows. */
const ROWS_PER_INSERT = 32;
const INSERT_EVENTS = 'INSERT INTO events (content_id, ordinal, ts, doc) VALUES ';

let db;
let insertOne;
let insertMany;
let contentId;
const hash = createHash('sha256');
/** The first failure; every later request but undoing answers with it. */
let failure;

function reply(message) {
  replies.postMessage(message);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
}

function describe(error) {
  return { message: error instanceof Error ? error.message : String(error), code: error?.code };
}

/** Opens the transaction and the content row its events belong to (named by its hash at the end). */
function begin({ placeholder, createdAt }) {
  db = new Database(file);
  for (const pragma of pragmas) db.pragma(pragma);
  db.exec('BEGIN IMMEDIATE');
  const info = db
    .prepare('INSERT INTO contents (hash, event_count, created_at) VALUES (?, 0, ?)')
    .run(placeholder, createdAt);
  contentId = Number(info.lastInsertRowid);
  insertOne = db.prepare(`${INSERT_EVENTS}(?, ?, ?, ?)`);
  insertMany = db.prepare(`${INSERT_EVENTS}${Array(ROWS_PER_INSERT).fill('(?, ?, ?, ?)').join(', ')}`);
}

/**
 * Inserts one batch in order and adds it to the hash: each document followed by a newline, in
 * ordinal order, is exactly what the content hash covers.
 */
function events({ firstOrdinal, docs, ts }) {
  const params = new Array(ROWS_PER_INSERT * 4);
  let i = 0;
  for (; i + ROWS_PER_INSERT <= docs.length; i += ROWS_PER_INSERT) {
    for (let k = 0, p = 0; k < ROWS_PER_INSERT; k++) {
      const doc = docs[i + k];
      hash.update(doc);
      hash.update('\n');
      params[p++] = contentId;
      params[p++] = firstOrdinal + i + k;
      params[p++] = ts[i + k];
      params[p++] = doc;
    }
    insertMany.run(params);
  }
  for (; i < docs.length; i++) {
    hash.update(docs[i]);
    hash.update('\n');
    insertOne.run(contentId, firstOrdinal + i, ts[i], docs[i]);
  }
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
    default:
      throw new Error(`unknown request ${request.op}`);
  }
}

function close({ checkpoint }) {
  try {
    if (checkpoint && db?.open) db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // The store may be gone already (a test's temporary folder); nothing depends on this.
  }
  try {
    // Closing a connection with its transaction open rolls the transaction back.
    db?.close();
  } catch {}
  parentPort.close();
}

parentPort.on('message', (request) => {
  switch (request.op) {
    case 'begin':
    case 'events':
      if (failure === undefined) {
        try {
          if (request.op === 'begin') begin(request);
          else events(request);
        } catch (error) {
          failure = describe(error);
        }
      }
      if (request.op === 'events') parentPort.postMessage({ failure });
      return;
    case 'close':
      close(request);
      return;
    default:
      if (failure !== undefined) {
        reply({ error: failure });
        return;
      }
      try {
        reply({ result: call(request) });
      } catch (error) {
        reply({ error: describe(error) });
      }
  }
});
