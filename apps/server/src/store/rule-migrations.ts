import type { Database } from 'better-sqlite3';

/**
 * The rule library. A library entry (`rules`) is a named pointer to its latest revision; every
 * save appends a revision, so an edit never loses what was there before. The summary columns
 * copy what listing and searching need from the latest revision, so a list reads no rule JSON.
 * `rule_attachments` keeps the non-rule lines of Kibana exports (exception lists, their items,
 * action connectors) so an NDJSON export can carry them again.
 */
export function createRuleLibraryTables(db: Database): void {
  db.exec(`
    CREATE TABLE rules (
      id          TEXT    PRIMARY KEY,
      source      TEXT    NOT NULL CHECK (source IN ('bundled', 'user')),
      revision    INTEGER NOT NULL,
      rule_id     TEXT    NOT NULL,
      name        TEXT    NOT NULL,
      type        TEXT    NOT NULL,
      summary     TEXT    NOT NULL,
      created_at  INTEGER NOT NULL,
      updated_at  INTEGER NOT NULL
    );
    CREATE INDEX rules_by_rule_id ON rules (rule_id);

    CREATE TABLE rule_revisions (
      library_id  TEXT    NOT NULL REFERENCES rules(id) ON DELETE CASCADE,
      revision    INTEGER NOT NULL,
      rule        TEXT    NOT NULL,
      format      TEXT    NOT NULL CHECK (format IN ('toml', 'ndjson', 'json')),
      original    TEXT,
      origin      TEXT,
      created_at  INTEGER NOT NULL,
      PRIMARY KEY (library_id, revision)
    );

    CREATE TABLE rule_attachments (
      key         TEXT    PRIMARY KEY,
      kind        TEXT    NOT NULL,
      list_id     TEXT,
      value       TEXT    NOT NULL,
      updated_at  INTEGER NOT NULL
    );
    CREATE INDEX rule_attachments_by_list ON rule_attachments (list_id);
  `);
}
