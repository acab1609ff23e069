import { createHash, type Hash, randomUUID } from 'node:crypto';
import { allocateCorpusId } from './corpus-ids.js';
import { collectUnreferencedContents } from './corpus-store.js';
import type { SqlConnection, SqliteDatabase } from './database.js';
import type { CorpusSource } from './types.js';

export interface CorpusLink {
  /** Fixed id (bundled corpora); when absent, one is allocated from the name. */
  readonly id?: string;
  readonly name: string;
  readonly description: string;
  readonly source: CorpusSource;
  readonly origin: string | null;
}

export interface ContentSummary {
  readonly contentId: number;
  readonly hash: string;
  readonly eventCount: number;
}

/** Hash of a content: SHA-256 over its canonical documents, each followed by a newline. */
export class ContentHasher {
  readonly #hash: Hash = createHash('sha256');

  add(doc: string): void {
    this.#hash.update(doc);
    this.#hash.update('\n');
  }

  digest(): string {
    return this.#hash.digest('hex');
  }
}

export function findContentByHash(db: SqlConnection, hash: string): number | undefined {
  const row = db.prepare('SELECT id FROM contents WHERE hash = ?').get(hash) as { id: number } | undefined;
  return row?.id;
}

/**
 * Points corpus `link.id` (inserted, or updated in place when it exists) or a newly allocated
 * id at `contentId`, then drops the contents no longer referred to. Call inside a transaction.
 */
export function linkCorpus(db: SqlConnection, link: CorpusLink, contentId: number): string {
  const now = Date.now();
  const id = link.id ?? allocateCorpusId(db, link.name);
  db.prepare(
    `INSERT INTO corpora (id, name, description, source, origin, content_id, created_at, updated_at)
     VALUES (@id, @name, @description, @source, @origin, @contentId, @now, @now)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, description = excluded.description,
       source = excluded.source, origin = excluded.origin, content_id = excluded.content_id,
       updated_at = excluded.updated_at`,
  ).run({
    id,
    name: link.name,
    description: link.description,
    source: link.source,
    origin: link.origin,
    contentId,
    now,
  });
  collectUnreferencedContents(db);
  return id;
}

/** Count and time range of the events of a content, as they are added. */
export class ContentStats {
  count = 0;
  minTs: number | null = null;
  maxTs: number | null = null;

  add(ts: number | null): void {
    this.count++;
    if (ts !== null) {
      if (this.minTs === null || ts < this.minTs) this.minTs = ts;
      if (this.maxTs === null || ts > this.maxTs) this.maxTs = ts;
    }
  }
}

/** A unique placeholder for the hash of a content being written; the real hash is known only at the end. */
export function pendingContentHash(): string {
  return `pending:${randomUUID()}`;
}

/**
 * Names content `contentId` (written in the current transaction) by its hash, or drops it for
 * an identical stored content when there is one.
 */
export function finishContent(
  db: SqlConnection,
  contentId: number,
  hash: string,
  stats: ContentStats,
): ContentSummary {
  const existing = findContentByHash(db, hash);
  if (existing !== undefined) {
    db.prepare('DELETE FROM contents WHERE id = ?').run(contentId);
    return { contentId: existing, hash, eventCount: stats.count };
  }
  db.prepare('UPDATE contents SET hash = ?, event_count = ?, min_ts = ?, max_ts = ? WHERE id = ?').run(
    hash,
    stats.count,
    stats.minTs,
    stats.maxTs,
    contentId,
  );
  return { contentId, hash, eventCount: stats.count };
}

/**
 * Writes one new content inside a transaction that the caller opens and closes. Events are
 * added one by one (constant memory); `finish` names the content by its hash, reusing an
 * identical stored content instead when there is one.
 */
export class ContentWriter {
  readonly #db: SqliteDatabase;
  readonly #contentId: number;
  readonly #insert;
  readonly #hasher = new ContentHasher();
  readonly #stats = new ContentStats();

  /** Must be called with a transaction open on `db`. */
  constructor(db: SqliteDatabase) {
    this.#db = db;
    const info = db
      .prepare('INSERT INTO contents (hash, event_count, created_at) VALUES (?, 0, ?)')
      .run(pendingContentHash(), Date.now());
    this.#contentId = Number(info.lastInsertRowid);
    this.#insert = db.prepare('INSERT INTO events (content_id, ordinal, ts, doc) VALUES (?, ?, ?, ?)');
  }

  get count(): number {
    return this.#stats.count;
  }

  add(doc: string, ts: number | null): void {
    this.#insert.run(this.#contentId, this.#stats.count, ts, doc);
    this.#hasher.add(doc);
    this.#stats.add(ts);
  }

  finish(): ContentSummary {
    return finishContent(this.#db, this.#contentId, this.#hasher.digest(), this.#stats);
  }
}
