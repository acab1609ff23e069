import type { SqlConnection } from './database.js';

const MAX_ID_LENGTH = 64;

/**
 * An Elasticsearch-style index name from a display name: lowercase letters, digits, `-` and
 * `_`, starting with a letter or digit, so corpus ids work in `/api/es/{corpus}/_eql/search`.
 */
export function slugifyCorpusName(name: string): string {
  const slug = name
    .normalize('NFKD')
    // Drop the accents NFKD split off, so "café" becomes "cafe" rather than "cafe-".
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
    .slice(0, MAX_ID_LENGTH)
    .replace(/[-_]+$/g, '');
  return slug === '' ? 'corpus' : slug;
}

/** Whether `id` could have been produced by {@link slugifyCorpusName} (a valid corpus id). */
export function isValidCorpusId(id: string): boolean {
  return id.length <= MAX_ID_LENGTH + 8 && /^[a-z0-9][a-z0-9_-]*$/.test(id);
}

/** The slug of `name`, suffixed `-2`, `-3`, … until no corpus has that id. */
export function allocateCorpusId(db: SqlConnection, name: string): string {
  const base = slugifyCorpusName(name);
  const taken = db.prepare('SELECT 1 FROM corpora WHERE id = ?');
  if (taken.get(base) === undefined) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (taken.get(candidate) === undefined) return candidate;
  }
}
