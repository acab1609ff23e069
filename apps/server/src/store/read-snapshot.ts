import { CorpusStore } from './corpus-store.js';
import type { SqliteDatabase } from './database.js';
import type { Store } from './store.js';

/**
 * A consistent view of the store for a long read (a corpus streamed to a slow client): its own
 * connection, holding one read transaction until closed. Under WAL, what is committed
 * meanwhile (a corpus deleted mid-stream) is invisible here, so the stream completes with the
 * events the corpus had when it started, instead of stopping short as if that were all.
 */
export class ReadSnapshot {
  readonly corpora: CorpusStore;
  readonly #db: SqliteDatabase;

  constructor(store: Store) {
    this.#db = store.openWriterConnection();
    try {
      this.#db.exec('BEGIN');
      // A deferred transaction takes its snapshot at its first read: take it now.
      this.#db.prepare('SELECT count(*) FROM corpora').get();
    } catch (error) {
      this.#db.close();
      throw error;
    }
    this.corpora = new CorpusStore(this.#db);
  }

  /** Ends the read transaction and closes the connection; safe to call twice, never throws. */
  close(): void {
    if (!this.#db.open) return;
    try {
      if (this.#db.inTransaction) this.#db.exec('COMMIT');
      this.#db.close();
    } catch {
      // A statement still iterating: the stream's own end closes it; closing then ends all.
    }
  }
}
