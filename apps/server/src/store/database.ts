import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrations.js';

export type SqliteDatabase = Database.Database;

/** The page size of databases created from now on; existing ones keep theirs. */
export const PAGE_SIZE = 16_384;

/**
 * The part of a connection that the store's write helpers (linking a corpus, naming a content)
 * use. A better-sqlite3 connection is one; so is an import's worker connection, whose
 * statements run on the worker thread inside the import's transaction.
 */
export interface SqlConnection {
  prepare(sql: string): SqlStatement;
  exec(sql: string): unknown;
}

export interface SqlStatement {
  run(...params: unknown[]): { readonly changes: number; readonly lastInsertRowid: number | bigint };
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}

/**
 * Opens (creating when absent) the Rulebench database with the settings every connection
 * needs. WAL lets readers see the last committed state while an import writes on another
 * connection.
 */
export function openDatabase(file: string, options: { readonly migrate?: boolean } = {}): SqliteDatabase {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    // For a new database only (SQLite ignores it once the file has pages): documents of a few
    // kilobytes fit several to a 16 KiB page, and imports write and checkpoint about a third
    // less than with the 4 KiB default. Must come before WAL mode, which fixes the page size.
    db.pragma(`page_size = ${PAGE_SIZE}`);
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
