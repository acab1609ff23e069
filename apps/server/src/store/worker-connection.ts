import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { SqliteDatabase } from './database.js';

/** The same settings as every connection of the store (see openDatabase), for the worker's own. */
const CONNECTION_PRAGMAS = [
  'journal_mode = WAL',
  'synchronous = NORMAL',
  'foreign_keys = ON',
  'busy_timeout = 2000',
  // The import's commit is answered before the WAL is copied into the database: the worker
  // checkpoints once the commit is known, off the import's critical path.
  'wal_autocheckpoint = 0',
];

// Plain JavaScript beside `src` and `dist` alike (two levels up from this module in both).
const WORKER_URL = new URL('../../workers/sqlite-writer.mjs', import.meta.url);
/** Batches sent but not yet written; beyond this the sender waits (bounded memory). */
const MAX_IN_FLIGHT = 4;
/** A synchronous call that takes this long means the worker is gone. */
const CALL_TIMEOUT_MS = 10 * 60 * 1000;

/** Documents to insert, in order: each followed by a newline in `text`, ending at `ends[i]`. */
export interface EventBatch {
  readonly text: string;
  readonly ends: Uint32Array<ArrayBuffer>;
  /** `@timestamp` in epoch millis, NaN for none. */
  readonly ts: Float64Array<ArrayBuffer>;
}

type Reply = { readonly result: unknown } | { readonly error: { message: string; code?: string } };

/** Worker threads still finishing after their import (a WAL checkpoint), for whoever must wait. */
const closing = new Set<Promise<void>>();

/** Resolves once every worker of a finished import has closed its connection. */
export async function settleWriterWorkers(): Promise<void> {
  while (closing.size > 0) await Promise.all([...closing]);
}

/**
 * One import's write transaction, held by a worker thread: events are inserted and hashed there,
 * in batches, while the calling thread goes on reading. Other statements (naming the content,
 * linking the corpus, COMMIT) are synchronous calls, answered in order after the batches sent
 * before them. If the process dies, the transaction dies with it: nothing is committed.
 */
export class WorkerConnection {
  readonly #worker: Worker;
  readonly #replies: MessagePort;
  readonly #signal = new Int32Array(new SharedArrayBuffer(4));
  readonly #exited: Promise<void>;
  #inFlight = 0;
  #ordinal = 0;
  #wakeSender: (() => void) | undefined;
  #crash: Error | undefined;
  #closed = false;

  /** Starts the worker and, without waiting for it, the transaction and its content row. */
  constructor(file: string, placeholderHash: string) {
    const { port1, port2 } = new MessageChannel();
    this.#replies = port1;
    this.#worker = new Worker(WORKER_URL, {
      workerData: { file, pragmas: CONNECTION_PRAGMAS, replies: port2, signal: this.#signal.buffer },
      transferList: [port2],
      // Plain JavaScript: no loader (tsx, when the server runs from sources) to start up.
      execArgv: [],
    });
    this.#worker.on('message', () => {
      this.#inFlight--;
      this.#wake();
    });
    this.#worker.on('error', (error) => {
      this.#crash = error;
      this.#wake();
    });
    this.#exited = new Promise((resolve) => this.#worker.once('exit', () => resolve()));
    this.#worker.postMessage({ op: 'begin', placeholder: placeholderHash, createdAt: Date.now() });
  }

  /** Sends a batch; waits only while too many are still being written. */
  async write(batch: EventBatch): Promise<void> {
    if (this.#crash) throw this.#crash;
    const count = batch.ends.length; // read before the transfer detaches the array
    this.#worker.postMessage(
      { op: 'events', firstOrdinal: this.#ordinal, text: batch.text, ends: batch.ends, ts: batch.ts },
      [batch.ends.buffer, batch.ts.buffer],
    );
    this.#ordinal += count;
    this.#inFlight++;
    while (this.#inFlight >= MAX_IN_FLIGHT && !this.#crash) {
      await new Promise<void>((resolve) => {
        this.#wakeSender = resolve;
      });
    }
    if (this.#crash) throw this.#crash;
  }

  /** The content row and the hash of every document written (each followed by a newline). */
  content(): { contentId: number; hash: string } {
    return this.#call({ op: 'content' }) as { contentId: number; hash: string };
  }

  /**
   * The subset of a better-sqlite3 connection that the store's helpers use (prepare → run /
   * get / all, exec), answered by the worker, so they run unchanged inside its transaction.
   */
  asDatabase(): SqliteDatabase {
    const prepare = (sql: string) => ({
      run: (...params: unknown[]) => this.#call({ op: 'run', sql, params }),
      get: (...params: unknown[]) => this.#call({ op: 'get', sql, params }),
      all: (...params: unknown[]) => this.#call({ op: 'all', sql, params }),
    });
    const exec = (sql: string) => {
      this.#call({ op: 'exec', sql });
    };
    return { prepare, exec } as unknown as SqliteDatabase;
  }

  exec(sql: string): void {
    this.#call({ op: 'exec', sql });
  }

  get inTransaction(): boolean {
    return this.#call({ op: 'in-transaction' }) === true;
  }

  /**
   * Ends the worker: after a commit it checkpoints the WAL first (in the background; see
   * {@link settleWriterWorkers}). Without a commit, call after rolling back.
   */
  close(options: { readonly checkpoint: boolean }): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#replies.close();
    if (this.#crash) {
      void this.#worker.terminate();
    } else {
      this.#worker.postMessage({ op: 'close', checkpoint: options.checkpoint });
    }
    const done = this.#exited.then(() => {
      closing.delete(done);
    });
    closing.add(done);
  }

  #wake(): void {
    const wake = this.#wakeSender;
    this.#wakeSender = undefined;
    wake?.();
  }

  #call(request: Record<string, unknown>): unknown {
    if (this.#crash) throw this.#crash;
    if (this.#closed) throw new Error('the import connection is closed');
    Atomics.store(this.#signal, 0, 0);
    this.#worker.postMessage(request);
    const deadline = Date.now() + CALL_TIMEOUT_MS;
    for (;;) {
      Atomics.wait(this.#signal, 0, 0, 1000);
      const answer = receiveMessageOnPort(this.#replies);
      if (answer) {
        const reply = answer.message as Reply;
        if ('error' in reply) {
          throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
        }
        return reply.result;
      }
      if (Date.now() > deadline) {
        this.#crash = new Error('the database worker stopped answering');
        throw this.#crash;
      }
    }
  }
}
