import { createReadStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ContentHasher, ContentWriter, findContentByHash, linkCorpus } from '../store/content-writer.js';
import { isValidCorpusId, slugifyCorpusName } from '../store/corpus-ids.js';
import { collectUnreferencedContents } from '../store/corpus-store.js';
import type { Store } from '../store/store.js';
import { type AcceptedRecord, acceptRecord } from './records.js';
import { ndjsonRecordBatches } from './source-records.js';

export interface BundledCorpusFile {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly fileName: string;
  readonly records: readonly AcceptedRecord[];
  readonly hash: string;
}

export type BundledLoadResult =
  | { readonly id: string; readonly status: 'loaded' | 'replaced' | 'unchanged'; readonly eventCount: number }
  | { readonly id: string; readonly status: 'failed'; readonly error: string };

interface Manifest {
  readonly id?: unknown;
  readonly name?: unknown;
  readonly title?: unknown;
  readonly description?: unknown;
}

/**
 * Reads `<dir>/<base>.ndjson` and its optional `<base>.json` manifest (`id`, `name`,
 * `description`). Every line must be a valid event: a bundled corpus is ours, so a bad line is
 * an error to fix, not to skip.
 */
export async function readBundledCorpusFile(dir: string, fileName: string): Promise<BundledCorpusFile> {
  const base = basename(fileName, '.ndjson');
  const manifestPath = join(dir, `${base}.json`);
  const manifest: Manifest = existsSync(manifestPath)
    ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest)
    : {};
  const id =
    typeof manifest.id === 'string' && isValidCorpusId(manifest.id) ? manifest.id : slugifyCorpusName(base);
  const name =
    typeof manifest.name === 'string'
      ? manifest.name
      : typeof manifest.title === 'string'
        ? manifest.title
        : base;
  const description = typeof manifest.description === 'string' ? manifest.description : '';

  const records: AcceptedRecord[] = [];
  const hasher = new ContentHasher();
  for await (const batch of ndjsonRecordBatches(createReadStream(join(dir, fileName)))) {
    for (const item of batch) {
      const record =
        'error' in item ? { ok: false as const, reason: item.error } : acceptRecord(item.value, item.text);
      if (!record.ok) throw new Error(`${fileName}:${item.position.line}: ${record.reason}`);
      records.push(record);
      hasher.add(record.doc);
    }
  }
  return { id, name, description, fileName, records, hash: hasher.digest() };
}

/**
 * Brings the bundled corpora in `dir` into the store: new files are loaded, changed files
 * replace their corpus, unchanged ones are left alone, and bundled corpora whose file is gone
 * are removed. Each corpus is one transaction; a broken file is reported and skipped, never
 * fatal, so the server still starts.
 */
export async function loadBundledCorpora(store: Store, dir: string): Promise<BundledLoadResult[]> {
  if (!existsSync(dir)) return [];
  const results: BundledLoadResult[] = [];
  const seen = new Set<string>();
  for (const fileName of readdirSync(dir)
    .filter((f) => f.endsWith('.ndjson'))
    .sort()) {
    let file: BundledCorpusFile;
    try {
      file = await readBundledCorpusFile(dir, fileName);
    } catch (error) {
      const id = slugifyCorpusName(basename(fileName, '.ndjson'));
      seen.add(id);
      results.push({ id, status: 'failed', error: error instanceof Error ? error.message : String(error) });
      continue;
    }
    seen.add(file.id);
    results.push(storeBundledCorpus(store, file));
  }
  store.db.transaction(() => {
    const stale = store.corpora.list().filter((c) => c.source === 'bundled' && !seen.has(c.id));
    for (const corpus of stale) store.db.prepare('DELETE FROM corpora WHERE id = ?').run(corpus.id);
    if (stale.length > 0) collectUnreferencedContents(store.db);
  })();
  return results;
}

function storeBundledCorpus(store: Store, file: BundledCorpusFile): BundledLoadResult {
  const current = store.corpora.get(file.id);
  if (current?.source === 'upload') {
    return { id: file.id, status: 'failed', error: `the id ${file.id} is taken by an uploaded corpus` };
  }
  const sameMetadata = current?.name === file.name && current.description === file.description;
  if (current?.contentHash === file.hash && sameMetadata) {
    return { id: file.id, status: 'unchanged', eventCount: current.eventCount };
  }
  const link = {
    id: file.id,
    name: file.name,
    description: file.description,
    source: 'bundled' as const,
    origin: file.fileName,
  };
  store.db.transaction(() => {
    let contentId = findContentByHash(store.db, file.hash);
    if (contentId === undefined) {
      const writer = new ContentWriter(store.db);
      for (const record of file.records) writer.add(record.doc, record.ts);
      contentId = writer.finish().contentId;
    }
    linkCorpus(store.db, link, contentId);
  })();
  return { id: file.id, status: current ? 'replaced' : 'loaded', eventCount: file.records.length };
}
