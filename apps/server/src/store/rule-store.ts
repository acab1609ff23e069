import type { LibrarySource, StoredFormat } from '@rulebench/rules';
import type { SqliteDatabase } from './database.js';

export type RuleSource = LibrarySource;
/** What a revision was saved from: a TOML file, a Kibana NDJSON line, or the editor's JSON. */
export type RuleFormat = StoredFormat;

/** A library entry: a pointer to its latest revision plus what listing needs. */
export interface RuleEntryRecord {
  readonly id: string;
  readonly source: RuleSource;
  readonly revision: number;
  readonly ruleId: string;
  readonly name: string;
  readonly type: string;
  /** JSON written by the library service (tags, ATT&CK, findings counts, …). */
  readonly summary: string;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export interface RuleRevisionRecord {
  readonly libraryId: string;
  readonly revision: number;
  /** The `Rule` model as JSON. */
  readonly rule: string;
  readonly format: RuleFormat;
  /** The text the rule was read from (TOML file, NDJSON line), so an unedited export is byte-identical. */
  readonly original: string | null;
  /** The file name it came from, when known. */
  readonly origin: string | null;
  readonly createdAt: number;
}

export interface NewRevision {
  readonly rule: string;
  readonly format: RuleFormat;
  readonly original: string | null;
  readonly origin: string | null;
}

export interface EntryFields {
  readonly ruleId: string;
  readonly name: string;
  readonly type: string;
  readonly summary: string;
}

export interface AttachmentRecord {
  readonly key: string;
  readonly kind: string;
  readonly listId: string | null;
  readonly value: string;
}

const ENTRY_SELECT = `SELECT id, source, revision, rule_id AS ruleId, name, type, summary,
  created_at AS createdAt, updated_at AS updatedAt FROM rules`;

const REVISION_SELECT = `SELECT library_id AS libraryId, revision, rule, format, original, origin,
  created_at AS createdAt FROM rule_revisions`;

/** SQL for the rule library tables, on one connection. Writers hold the store's write lock. */
export class RuleStore {
  readonly #db: SqliteDatabase;

  constructor(db: SqliteDatabase) {
    this.#db = db;
  }

  list(): RuleEntryRecord[] {
    return this.#db
      .prepare(`${ENTRY_SELECT} ORDER BY source, name COLLATE NOCASE, id`)
      .all() as RuleEntryRecord[];
  }

  get(id: string): RuleEntryRecord | undefined {
    return this.#db.prepare(`${ENTRY_SELECT} WHERE id = ?`).get(id) as RuleEntryRecord | undefined;
  }

  exists(id: string): boolean {
    return this.#db.prepare('SELECT 1 FROM rules WHERE id = ?').get(id) !== undefined;
  }

  /** Entries holding `ruleId`, user entries first, most recently updated first. */
  findByRuleId(ruleId: string): RuleEntryRecord[] {
    return this.#db
      .prepare(`${ENTRY_SELECT} WHERE rule_id = ? ORDER BY source DESC, updated_at DESC, id`)
      .all(ruleId) as RuleEntryRecord[];
  }

  getRevision(id: string, revision: number): RuleRevisionRecord | undefined {
    return this.#db.prepare(`${REVISION_SELECT} WHERE library_id = ? AND revision = ?`).get(id, revision) as
      | RuleRevisionRecord
      | undefined;
  }

  revisions(id: string): RuleRevisionRecord[] {
    return this.#db
      .prepare(`${REVISION_SELECT} WHERE library_id = ? ORDER BY revision`)
      .all(id) as RuleRevisionRecord[];
  }

  /** Creates entry `id` at revision 1. */
  create(id: string, source: 'bundled' | 'user', fields: EntryFields, revision: NewRevision): void {
    const now = Date.now();
    this.#db.transaction(() => {
      this.#db
        .prepare(
          `INSERT INTO rules (id, source, revision, rule_id, name, type, summary, created_at, updated_at)
           VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, source, fields.ruleId, fields.name, fields.type, fields.summary, now, now);
      this.#insertRevision(id, 1, revision, now);
    })();
  }

  /** Appends a revision to `id` and points the entry at it; returns its number. */
  append(id: string, fields: EntryFields, revision: NewRevision): number {
    const now = Date.now();
    return this.#db.transaction(() => {
      const row = this.#db
        .prepare('SELECT max(revision) AS n FROM rule_revisions WHERE library_id = ?')
        .get(id) as {
        n: number | null;
      };
      const next = (row.n ?? 0) + 1;
      this.#insertRevision(id, next, revision, now);
      this.#db
        .prepare(
          'UPDATE rules SET revision = ?, rule_id = ?, name = ?, type = ?, summary = ?, updated_at = ? WHERE id = ?',
        )
        .run(next, fields.ruleId, fields.name, fields.type, fields.summary, now, id);
      return next;
    })();
  }

  /** Rewrites the summary of every entry (after the summary format or validation changed). */
  updateSummary(id: string, summary: string): void {
    this.#db.prepare('UPDATE rules SET summary = ? WHERE id = ?').run(summary, id);
  }

  delete(id: string): boolean {
    return this.#db.prepare('DELETE FROM rules WHERE id = ?').run(id).changes > 0;
  }

  putAttachment(attachment: AttachmentRecord): void {
    this.#db
      .prepare(
        `INSERT INTO rule_attachments (key, kind, list_id, value, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET kind = excluded.kind, list_id = excluded.list_id,
           value = excluded.value, updated_at = excluded.updated_at`,
      )
      .run(attachment.key, attachment.kind, attachment.listId, attachment.value, Date.now());
  }

  /** Exception lists and their items with one of these list ids, lists first. */
  attachmentsForLists(listIds: readonly string[]): AttachmentRecord[] {
    if (listIds.length === 0) return [];
    return this.#db
      .prepare(
        `SELECT key, kind, list_id AS listId, value FROM rule_attachments
         WHERE list_id IN (SELECT value FROM json_each(?)) ORDER BY kind, key`,
      )
      .all(JSON.stringify(listIds)) as AttachmentRecord[];
  }

  attachment(key: string): AttachmentRecord | undefined {
    return this.#db
      .prepare('SELECT key, kind, list_id AS listId, value FROM rule_attachments WHERE key = ?')
      .get(key) as AttachmentRecord | undefined;
  }

  #insertRevision(id: string, number: number, revision: NewRevision, now: number): void {
    this.#db
      .prepare(
        `INSERT INTO rule_revisions (library_id, revision, rule, format, original, origin, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, number, revision.rule, revision.format, revision.original, revision.origin, now);
  }
}
