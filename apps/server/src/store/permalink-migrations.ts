import type { Database } from 'better-sqlite3';

/**
 * Permalinks: immutable snapshots, numbered versions under one id. A version that ran against
 * events names their content (`content_id`); `collectUnreferencedContents` keeps such contents
 * alive after their corpus is deleted or replaced. `secrets` holds the per-database key that
 * permalink ids are derived with, so ids cannot be predicted from a guessed state.
 */
export function createPermalinkTables(db: Database): void {
  db.exec(`
    CREATE TABLE permalinks (
      id          TEXT    PRIMARY KEY,
      created_at  INTEGER NOT NULL
    );

    CREATE TABLE permalink_versions (
      permalink_id TEXT    NOT NULL REFERENCES permalinks(id),
      version      INTEGER NOT NULL,
      hash         TEXT    NOT NULL,
      snapshot     TEXT    NOT NULL,
      content_id   INTEGER REFERENCES contents(id),
      created_at   INTEGER NOT NULL,
      PRIMARY KEY (permalink_id, version),
      UNIQUE (permalink_id, hash)
    );
    CREATE INDEX permalink_versions_by_content ON permalink_versions (content_id);

    CREATE TABLE secrets (
      name  TEXT PRIMARY KEY,
      value BLOB NOT NULL
    );
  `);
}
