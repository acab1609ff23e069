import {
  type ContentSummary,
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

/** Where an import writes: one transaction, committed by `commit`, undone by `close` otherwise. */
export interface ImportTarget {
  write(batch: RecordBatch): Promise<void> | void;
  /** Names the content, points a corpus at it and commits; returns the corpus id. */
  commit(link: CorpusLink): string;
  /** Rolls back unless committed, and releases the connection. Never throws. */
  close(): void;
}

/** Small imports: written on a dedicated connection of this thread. */
export class InlineTarget implements ImportTarget {
  readonly #db: SqliteDatabase;
  readonly #writer: ContentWriter;

  constructor(store: Store) {
    this.#db = store.openWriterConnection();
    try {
      this.#db.exec('BEGIN IMMEDIATE');
      this.#writer = new ContentWriter(this.#db);
    } catch (error) {
      this.close();
      throw error;
    }
  }

  write(batch: RecordBatch): void {
    for (let i = 0; i < batch.docs.length; i++) this.#writer.add(batch.docs[i] as string, batch.ts[i] ?? null);
  }

  commit(link: CorpusLink): string {
    const content = this.#writer.finish();
    const id = linkCorpus(this.#db, link, content.contentId);
    this.#db.exec('COMMIT');
    return id;
  }

  close(): void {
    try {
      if (this.#db.inTransaction) this.#db.exec('ROLLBACK');
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
    const count = batch.docs.length;
    const ends = new Uint32Array(count);
    const ts = new Float64Array(count);
    let end = 0;
    for (let i = 0; i < count; i++) {
      end += (batch.docs[i] as string).length;
      ends[i] = end;
      end++; // the newline after each document
      const time = batch.ts[i] ?? null;
      ts[i] = time ?? Number.NaN;
      this.#stats.add(time);
    }
    // The newline-terminated text is exactly what the content hash covers.
    const text = `${batch.docs.join('\n')}\n`;
    return this.#connection.write({ text, ends, ts });
  }

  commit(link: CorpusLink): string {
    const { contentId, hash } = this.#connection.content();
    const db = this.#connection.asDatabase();
    const content: ContentSummary = finishContent(db, contentId, hash, this.#stats);
    const id = linkCorpus(db, link, content.contentId);
    this.#connection.exec('COMMIT');
    this.#committed = true;
    return id;
  }

  close(): void {
    try {
      if (!this.#committed && this.#connection.inTransaction) this.#connection.exec('ROLLBACK');
    } catch {
      // A worker that failed has nothing committed to undo; its connection ends with it.
    } finally {
      this.#connection.close({ checkpoint: this.#committed });
    }
  }
}
