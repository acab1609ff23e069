import type { Database } from 'better-sqlite3';
import { createPermalinkTables } from './permalink-migrations.js';
import { createRuleLibraryTables } from './rule-migrations.js';

/**
 * Schema migrations, applied in order; `PRAGMA user_version` records how many ran. Never edit
 * a released migration: append a new one.
 *
 * Events belong to a *content* (a set of documents identified by the hash of their canonical
 * form), not to a corpus. A corpus is a named pointer to one content. This is what lets
 * permalinks (issue 7) refer to the exact events a rule ran against, and keep them alive after
 * the corpus is renamed, replaced or deleted: a content is dropped only when nothing refers to it.
 */
export const MIGRATIONS: readonly ((db: Database) => void)[] = [
  (db) => {
    db.exec(`
      CREATE TABLE contents (
        id          INTEGER PRIMARY KEY,
        hash        TEXT    NOT NULL UNIQUE,
        event_count INTEGER NOT NULL,
        min_ts      INTEGER,
        max_ts      INTEGER,
        created_at  INTEGER NOT NULL
      );

      CREATE TABLE events (
        content_id INTEGER NOT NULL REFERENCES contents(id) ON DELETE CASCADE,
        ordinal    INTEGER NOT NULL,
        ts         INTEGER,
        doc        TEXT    NOT NULL,
        PRIMARY KEY (content_id, ordinal)
      );
      CREATE INDEX events_by_time ON events (content_id, ts, ordinal);

      CREATE TABLE corpora (
        id          TEXT    PRIMARY KEY,
        name        TEXT    NOT NULL,
        description TEXT    NOT NULL DEFAULT '',
        source      TEXT    NOT NULL CHECK (source IN ('bundled', 'upload')),
        origin      TEXT,
        content_id  INTEGER NOT NULL REFERENCES contents(id),
        created_at  INTEGER NOT NULL,
        updated_at  INTEGER NOT NULL
      );
      CREATE INDEX corpora_by_content ON corpora (content_id);

      -- Derived data, rebuilt on demand: safe to delete at any time.
      CREATE TABLE content_fields (
        content_id INTEGER PRIMARY KEY REFERENCES contents(id) ON DELETE CASCADE,
        catalogue  TEXT NOT NULL
      );
    `);
  },
  createRuleLibraryTables,
  createPermalinkTables,
];

/** Brings the database to the latest schema, each migration in its own transaction. */
export function migrate(db: Database): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(
      `database schema version ${current} is newer than this server knows (${MIGRATIONS.length}); upgrade Rulebench`,
    );
  }
  for (let version = current; version < MIGRATIONS.length; version++) {
    const step = MIGRATIONS[version];
    if (!step) break;
    db.transaction(() => {
      step(db);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
  return MIGRATIONS.length;
}
