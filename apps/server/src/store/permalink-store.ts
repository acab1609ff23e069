import { randomBytes } from 'node:crypto';
import type { SqliteDatabase } from './database.js';

export interface PermalinkVersionRecord {
  readonly permalinkId: string;
  readonly version: number;
  readonly hash: string;
  /** The snapshot's canonical JSON. */
  readonly snapshot: string;
  readonly contentId: number | null;
  readonly createdAt: number;
}

const VERSION_SELECT = `SELECT permalink_id AS permalinkId, version, hash, snapshot, content_id AS contentId,
  created_at AS createdAt FROM permalink_versions`;

const KEY_NAME = 'permalink-id-key';

/** SQL for permalinks. Rows are only ever inserted: snapshots never change. */
export class PermalinkStore {
  readonly #db: SqliteDatabase;

  constructor(db: SqliteDatabase) {
    this.#db = db;
  }

  /** The key permalink ids are derived with, created on first use. Call with the write lock held. */
  idKey(): Buffer {
    const row = this.#db.prepare('SELECT value FROM secrets WHERE name = ?').get(KEY_NAME) as
      | { value: Buffer }
      | undefined;
    if (row) return row.value;
    const key = randomBytes(32);
    this.#db.prepare('INSERT INTO secrets (name, value) VALUES (?, ?)').run(KEY_NAME, key);
    return key;
  }

  exists(id: string): boolean {
    return this.#db.prepare('SELECT 1 FROM permalinks WHERE id = ?').get(id) !== undefined;
  }

  version(id: string, version: number): PermalinkVersionRecord | undefined {
    return this.#db.prepare(`${VERSION_SELECT} WHERE permalink_id = ? AND version = ?`).get(id, version) as
      | PermalinkVersionRecord
      | undefined;
  }

  latest(id: string): PermalinkVersionRecord | undefined {
    return this.#db
      .prepare(`${VERSION_SELECT} WHERE permalink_id = ? ORDER BY version DESC LIMIT 1`)
      .get(id) as PermalinkVersionRecord | undefined;
  }

  byHash(id: string, hash: string): PermalinkVersionRecord | undefined {
    return this.#db.prepare(`${VERSION_SELECT} WHERE permalink_id = ? AND hash = ?`).get(id, hash) as
      | PermalinkVersionRecord
      | undefined;
  }

  versions(id: string): { version: number; createdAt: number }[] {
    return this.#db
      .prepare(
        'SELECT version, created_at AS createdAt FROM permalink_versions WHERE permalink_id = ? ORDER BY version',
      )
      .all(id) as { version: number; createdAt: number }[];
  }

  /** Adds the next version of `id` (creating the permalink for version 1); returns its number. */
  insert(id: string, hash: string, snapshot: string, contentId: number | null): number {
    const now = Date.now();
    return this.#db.transaction(() => {
      this.#db.prepare('INSERT OR IGNORE INTO permalinks (id, created_at) VALUES (?, ?)').run(id, now);
      const row = this.#db
        .prepare('SELECT max(version) AS n FROM permalink_versions WHERE permalink_id = ?')
        .get(id) as { n: number | null };
      const version = (row.n ?? 0) + 1;
      this.#db
        .prepare(
          `INSERT INTO permalink_versions (permalink_id, version, hash, snapshot, content_id, created_at)
           VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(id, version, hash, snapshot, contentId, now);
      return version;
    })();
  }

  /** A stored content by its hash, with what a replay needs. */
  content(
    hash: string,
  ): { id: number; eventCount: number; minTs: number | null; maxTs: number | null } | undefined {
    return this.#db
      .prepare(
        'SELECT id, event_count AS eventCount, min_ts AS minTs, max_ts AS maxTs FROM contents WHERE hash = ?',
      )
      .get(hash) as
      | { id: number; eventCount: number; minTs: number | null; maxTs: number | null }
      | undefined;
  }

  /** The id of a corpus currently holding this content, to label it by. */
  corpusWithContent(contentId: number): string | undefined {
    const row = this.#db
      .prepare('SELECT id FROM corpora WHERE content_id = ? ORDER BY id LIMIT 1')
      .get(contentId) as { id: string } | undefined;
    return row?.id;
  }
}
