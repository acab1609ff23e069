import type { SqlConnection, SqliteDatabase } from './database.js';
import type { CorpusRecord, CorpusSource, EventFilter, StoredEvent } from './types.js';

interface CorpusRow {
  id: string;
  name: string;
  description: string;
  source: CorpusSource;
  origin: string | null;
  content_id: number;
  hash: string;
  event_count: number;
  min_ts: number | null;
  max_ts: number | null;
  created_at: number;
  updated_at: number;
}

const CORPUS_SELECT = `
  SELECT c.id, c.name, c.description, c.source, c.origin, c.content_id, c.created_at, c.updated_at,
         t.hash, t.event_count, t.min_ts, t.max_ts
  FROM corpora c JOIN contents t ON t.id = c.content_id`;

function toRecord(row: CorpusRow): CorpusRecord {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    source: row.source,
    origin: row.origin,
    contentId: row.content_id,
    contentHash: row.hash,
    eventCount: row.event_count,
    minTimestamp: row.min_ts,
    maxTimestamp: row.max_ts,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** SQL condition and parameters for an event filter on content `contentId`. */
function whereClause(contentId: number, filter: EventFilter): { sql: string; params: unknown[] } {
  const parts = ['content_id = ?'];
  const params: unknown[] = [contentId];
  if (filter.fromTs !== undefined) {
    parts.push('ts >= ?');
    params.push(filter.fromTs);
  }
  if (filter.toTs !== undefined) {
    parts.push('ts <= ?');
    params.push(filter.toTs);
  }
  if (filter.text !== undefined && filter.text !== '') {
    // instr on lower() rather than LIKE: no escaping of % and _ in user text.
    parts.push('instr(lower(doc), ?) > 0');
    params.push(filter.text.toLowerCase());
  }
  return { sql: parts.join(' AND '), params };
}

/** Read and metadata queries over corpora and their events, on one connection. */
export class CorpusStore {
  readonly #db: SqliteDatabase;

  constructor(db: SqliteDatabase) {
    this.#db = db;
  }

  list(): CorpusRecord[] {
    const rows = this.#db.prepare(`${CORPUS_SELECT} ORDER BY c.source, c.name COLLATE NOCASE, c.id`).all();
    return (rows as CorpusRow[]).map(toRecord);
  }

  get(id: string): CorpusRecord | undefined {
    const row = this.#db.prepare(`${CORPUS_SELECT} WHERE c.id = ?`).get(id) as CorpusRow | undefined;
    return row ? toRecord(row) : undefined;
  }

  exists(id: string): boolean {
    return this.#db.prepare('SELECT 1 FROM corpora WHERE id = ?').get(id) !== undefined;
  }

  countEvents(contentId: number, filter: EventFilter = {}): number {
    const where = whereClause(contentId, filter);
    const row = this.#db
      .prepare(`SELECT count(*) AS n FROM events WHERE ${where.sql}`)
      .get(...where.params) as {
      n: number;
    };
    return row.n;
  }

  /** A page of events in (timestamp, ordinal) order, the order searches see them in. */
  pageEvents(contentId: number, offset: number, limit: number, filter: EventFilter = {}): StoredEvent[] {
    const where = whereClause(contentId, filter);
    return this.#db
      .prepare(`SELECT ordinal, ts, doc FROM events WHERE ${where.sql} ORDER BY ts, ordinal LIMIT ? OFFSET ?`)
      .all(...where.params, limit, offset) as StoredEvent[];
  }

  getEvent(contentId: number, ordinal: number): StoredEvent | undefined {
    return this.#db
      .prepare('SELECT ordinal, ts, doc FROM events WHERE content_id = ? AND ordinal = ?')
      .get(contentId, ordinal) as StoredEvent | undefined;
  }

  /**
   * Streams events without loading them all. `time` order is (timestamp, ordinal), with events
   * lacking a timestamp first (SQLite sorts NULL low); `ordinal` order is import order.
   */
  iterateEvents(
    contentId: number,
    order: 'time' | 'ordinal',
    filter: EventFilter = {},
  ): IterableIterator<StoredEvent> {
    const where = whereClause(contentId, filter);
    const orderBy = order === 'time' ? 'ts, ordinal' : 'ordinal';
    return this.#db
      .prepare(`SELECT ordinal, ts, doc FROM events WHERE ${where.sql} ORDER BY ${orderBy}`)
      .iterate(...where.params) as IterableIterator<StoredEvent>;
  }

  /** Changes name and/or description; returns false when the corpus does not exist. */
  updateMetadata(id: string, changes: { readonly name?: string; readonly description?: string }): boolean {
    const current = this.get(id);
    if (!current) return false;
    this.#db
      .prepare('UPDATE corpora SET name = ?, description = ?, updated_at = ? WHERE id = ?')
      .run(changes.name ?? current.name, changes.description ?? current.description, Date.now(), id);
    return true;
  }

  /** Deletes the corpus and, when nothing else refers to it, its content. */
  delete(id: string): boolean {
    return this.#db.transaction(() => {
      const deleted = this.#db.prepare('DELETE FROM corpora WHERE id = ?').run(id).changes > 0;
      if (deleted) collectUnreferencedContents(this.#db);
      return deleted;
    })();
  }

  getFieldCatalogue(contentId: number): string | undefined {
    const row = this.#db
      .prepare('SELECT catalogue FROM content_fields WHERE content_id = ?')
      .get(contentId) as { catalogue: string } | undefined;
    return row?.catalogue;
  }

  putFieldCatalogue(contentId: number, catalogue: string): void {
    this.#db
      .prepare('INSERT OR REPLACE INTO content_fields (content_id, catalogue) VALUES (?, ?)')
      .run(contentId, catalogue);
  }
}

/**
 * Drops contents no corpus refers to (their events go with them, by cascade). Every table
 * that refers to a content (corpora, permalink versions) must be listed here so its contents
 * survive.
 */
export function collectUnreferencedContents(db: SqlConnection): number {
  return db
    .prepare(
      `DELETE FROM contents WHERE id NOT IN (SELECT content_id FROM corpora)
         AND id NOT IN (SELECT content_id FROM permalink_versions WHERE content_id IS NOT NULL)`,
    )
    .run().changes;
}
