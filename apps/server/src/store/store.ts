import { join } from 'node:path';
import { CorpusStore } from './corpus-store.js';
import { openDatabase, type SqliteDatabase } from './database.js';
import { WriteLock } from './write-lock.js';

export const DATABASE_FILE_NAME = 'rulebench.db';

/**
 * The SQLite store behind the server: one main connection for requests, plus short-lived
 * dedicated connections for long imports (so an import's open transaction is invisible to
 * readers and can be rolled back alone). Every write goes through `writeLock`.
 */
export class Store {
  readonly file: string;
  readonly db: SqliteDatabase;
  readonly corpora: CorpusStore;
  readonly writeLock = new WriteLock();

  private constructor(file: string, db: SqliteDatabase) {
    this.file = file;
    this.db = db;
    this.corpora = new CorpusStore(db);
  }

  /** Opens `dataDir/rulebench.db`, creating the folder and migrating the schema. */
  static open(dataDir: string): Store {
    const file = join(dataDir, DATABASE_FILE_NAME);
    return new Store(file, openDatabase(file));
  }

  /** A separate connection to the same database, for one import; the caller closes it. */
  openWriterConnection(): SqliteDatabase {
    return openDatabase(this.file, { migrate: false });
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
