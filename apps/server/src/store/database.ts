import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrations.js';

export type SqliteDatabase = Database.Database;

/**
 * Opens (creating when absent) the Rulebench database with the settings every connection
 * needs. WAL lets readers see the last committed state while an import writes on another
 * connection.
 */
export function openDatabase(file: string, options: { readonly migrate?: boolean } = {}): SqliteDatabase {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // Our own writers are serialised by the store's write lock; a short wait only covers
    // another process (a second server on the same folder) holding the lock briefly.
    db.pragma('busy_timeout = 2000');
    if (options.migrate !== false) migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
