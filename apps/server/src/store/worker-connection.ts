import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { SqlConnection, SqlStatement } from './database.js';

/** The settings of every connection of the store (see openDatabase), for the worker's own. */
const CONNECTION_PRAGMAS = [
  'journal_mode = WAL',
  'synchronous = NORMAL',
  'foreign_keys = ON',
  'busy_timeout = 2000',
  // The import's commit is answered before the WAL is copied into the database: the worker
  // checkpoints once the commit is known, off the import's critical path.
  'wal_autocheckpoint = 0',
];

/**
 * Plain JavaScript two folders below the package, as this module is (`src/store` when run from
 * the sources, `dist/store` when built), so one relative URL finds it from both.
 */
export const WORKER_URL = new URL('../../workers/sqlite-writer.mjs', import.meta.url);
/** Batches sent but not yet written; beyond this the sender waits (bounded memory). */
const MAX_IN_FLIGHT = 4;
/**
 * A synchronous call is made only once every batch is written, so it waits for one statement
 * (at worst on another process's lock, for the busy timeout). This long means the worker is gone.
 */
const CALL_TIMEOUT_MS = 60 * 1000;

/** Documents to insert, in order, with their `@timestamp` in epoch millis or null. */
export interface EventBatch {
  readonly docs: readonly string[];
  readonly ts: readonly (number | null)[];
}

interface WorkerFailure {
  readonly message: string;
  readonly code?: string;
}

type Reply = { readonly result: unknown } | { readonly error: WorkerFailure };

/**
 * Every import's worker thread until it has exited: after a commit, that is once it has
 * checkpointed the WAL in the background. For whoever must wait (tests, benchmarks, shutdown).
 */
const closing = new Set<Promise<void>>();

/** Resolves once every import's worker has closed its connection and exited. */
export async function settleWriterWorkers(): Promise<void> {
  while (closing.size > 0) await Promise.all([...closing]);
}

function toError(failure: WorkerFailure): Error {
  return Object.assign(new Error(failure.message), failure.code === undefined ? {} : { code: failure.code });
}

/**
 * One import's write transaction, held by a worker thread: events are inserted and hashed there,
 * in batches, while the calling thread goes on reading. Once every batch is written (`drain`),
 * the statements that finish the import (naming the content, linking the corpus, COMMIT) are
 * synchronous calls into the same transaction. If the process dies, the transaction dies with
 * it; closing without a commit rolls it back.
 */
export class WorkerConnection {
  readonly #worker: Worker;
  readonly #replies: MessagePort;
  readonly #signal = new Int32Array(new SharedArrayBuffer(4));
  #inFlight = 0;
  #ordinal = 0;
  #wakeSender: (() => void) | undefined;
  #failure: Error | undefined;
  /** The worker stopped answering: only terminating it is left. */
  #hung = false;
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
    // Every batch is answered, with the worker's first failure if there was one.
    this.#worker.on('message', (answer: { readonly failure?: WorkerFailure }) => {
      this.#inFlight--;
      if (answer.failure && !this.#failure) this.#failure = toError(answer.failure);
      this.#wake();
    });
    this.#worker.on('error', (error) => {
      this.#failure ??= error;
      this.#wake();
    });
    const exited = new Promise<void>((resolve) =>
      this.#worker.once('exit', () => {
        if (!this.#closed) this.#failure ??= new Error('the database worker stopped');
        this.#wake();
        resolve();
      }),
    );
    const done = exited.then(() => {
      closing.delete(done);
    });
    closing.add(done);
    this.#worker.postMessage({ op: 'begin', placeholder: placeholderHash, createdAt: Date.now() });
  }

  /** Sends a batch; waits only while too many are still being written. Throws once the worker failed. */
  async write(batch: EventBatch): Promise<void> {
    this.#throwIfFailed();
    // The documents as an array: cloning it costs this thread less than joining them first.
    this.#worker.postMessage({ op: 'events', firstOrdinal: this.#ordinal, docs: batch.docs, ts: batch.ts });
    this.#ordinal += batch.docs.length;
    this.#inFlight++;
    await this.#waitUntil(() => this.#inFlight < MAX_IN_FLIGHT);
  }

  /**
   * Waits, without blocking the event loop, until every batch sent is written; throws if one
   * failed. The synchronous calls below then wait for their own statement only.
   */
  async drain(): Promise<void> {
    await this.#waitUntil(() => this.#inFlight === 0);
  }

  /** The content row and the hash of every document written (each followed by a newline). */
  content(): { contentId: number; hash: string } {
    return this.#call({ op: 'content' }) as { contentId: number; hash: string };
  }

  /** Statements answered by the worker, inside the import's transaction (for the store's helpers). */
  readonly sql: SqlConnection = {
    prepare: (sql: string): SqlStatement => ({
      run: (...params) => this.#call({ op: 'run', sql, params }) as ReturnType<SqlStatement['run']>,
      get: (...params) => this.#call({ op: 'get', sql, params }),
      all: (...params) => this.#call({ op: 'all', sql, params }) as unknown[],
    }),
    exec: (sql: string) => this.#call({ op: 'exec', sql }),
  };

  /**
   * Ends the worker. After a commit it checkpoints the WAL first, in the background (see
   * {@link settleWriterWorkers}); without one, its connection closes and the transaction is
   * rolled back. Never throws.
   */
  close(options: { readonly committed: boolean }): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#replies.close();
    // A worker that failed a statement still holds its connection: it closes it (rolling back)
    // like any other. Posting to a worker that has exited does nothing.
    if (this.#hung) void this.#worker.terminate();
    else this.#worker.postMessage({ op: 'close', checkpoint: options.committed && !this.#failure });
  }

  async #waitUntil(ready: () => boolean): Promise<void> {
    while (!ready() && !this.#failure) {
      await new Promise<void>((resolve) => {
        this.#wakeSender = resolve;
      });
    }
    this.#throwIfFailed();
  }

  #throwIfFailed(): void {
    if (this.#failure) throw this.#failure;
  }

  #wake(): void {
    const wake = this.#wakeSender;
    this.#wakeSender = undefined;
    wake?.();
  }

  #call(request: Record<string, unknown>): unknown {
    this.#throwIfFailed();
    if (this.#closed) throw new Error('the import connection is closed');
    Atomics.store(this.#signal, 0, 0);
    this.#worker.postMessage(request);
    const deadline = Date.now() + CALL_TIMEOUT_MS;
    for (;;) {
      Atomics.wait(this.#signal, 0, 0, 1000);
      const answer = receiveMessageOnPort(this.#replies);
      if (answer) {
        const reply = answer.message as Reply;
        if ('error' in reply) throw toError(reply.error);
        return reply.result;
      }
      if (Date.now() > deadline) {
        this.#hung = true;
        this.#failure = new Error('the database worker stopped answering');
        throw this.#failure;
      }
    }
  }
}
