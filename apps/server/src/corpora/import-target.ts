import {
  ContentStats,
  ContentWriter,
  type CorpusLink,
  finishContent,
  linkCorpus,
  pendingContentHash,
} from '../store/content-writer.js';
import type { SqliteDatabase } from '../store/database.js';
import type { Store } from '../store/store.js';
import { WorkerConnection } from '../store/worker-connection.js';

/** Accepted documents in input order, with their `@timestamp` (epoch millis) or null. */
export class RecordBatch {
  readonly docs: string[] = [];
  readonly ts: (number | null)[] = [];
  chars = 0;

  add(doc: string, ts: number | null): void {
    this.docs.push(doc);
    this.ts.push(ts);
    this.chars += doc.length;
  }

  get size(): number {
    return this.docs.length;
  }
}

/**
 * Where an import writes: one transaction, on a connection of its own, committed by `commit`
 * and rolled back by `close` otherwise. Both targets store the same rows and the same content
 * hash for the same batches.
 */
export interface ImportTarget {
  write(batch: RecordBatch): Promise<void>;
  /** Names the content, points a corpus at it and commits; returns the corpus id. */
  commit(link: CorpusLink): Promise<string>;
  /** Rolls back unless committed, and releases the connection. Never throws. */
  close(): void;
}

/** Small imports (one batch): written on a dedicated connection of this thread. */
export class InlineTarget implements ImportTarget {
  readonly #db: SqliteDatabase;
  readonly #writer: ContentWriter;

  constructor(store: Store) {
    this.#db = store.openWriterConnection();
    try {
      this.#db.exec('BEGIN IMMEDIATE');
      this.#writer = new ContentWriter(this.#db);
    } catch (error) {
      this.#db.close();
      throw error;
    }
  }

  async write(batch: RecordBatch): Promise<void> {
    for (let i = 0; i < batch.docs.length; i++)
      this.#writer.add(batch.docs[i] as string, batch.ts[i] ?? null);
  }

  async commit(link: CorpusLink): Promise<string> {
    const content = this.#writer.finish();
    const id = linkCorpus(this.#db, link, content.contentId);
    this.#db.exec('COMMIT');
    return id;
  }

  close(): void {
    try {
      if (this.#db.inTransaction) this.#db.exec('ROLLBACK');
    } catch {
      // Closing the connection rolls back all the same.
    } finally {
      this.#db.close();
    }
  }
}

/**
 * Large imports: inserting and hashing happen on a worker thread (the other core) while this
 * thread reads, parses and maps the next records.
 */
export class WorkerTarget implements ImportTarget {
  readonly #connection: WorkerConnection;
  readonly #stats = new ContentStats();
  #committed = false;

  constructor(store: Store) {
    this.#connection = new WorkerConnection(store.file, pendingContentHash());
  }

  write(batch: RecordBatch): Promise<void> {
    for (const ts of batch.ts) this.#stats.add(ts);
    return this.#connection.write(batch);
  }

  async commit(link: CorpusLink): Promise<string> {
    await this.#connection.drain();
    const { contentId, hash } = this.#connection.content();
    const { sql } = this.#connection;
    // An identical content stored before is reused: the corpus may point at that one.
    const content = finishContent(sql, contentId, hash, this.#stats);
    const id = linkCorpus(sql, link, content.contentId);
    sql.exec('COMMIT');
    this.#committed = true;
    return id;
  }

  close(): void {
    this.#connection.close({ committed: this.#committed });
  }
}
