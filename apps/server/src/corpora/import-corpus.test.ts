import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PACKAGE_DIR } from '../config.js';
import { Store } from '../store/store.js';
import type { StoredEvent } from '../store/types.js';
import { settleWriterWorkers, WORKER_URL } from '../store/worker-connection.js';
import { BATCH_RECORDS, type ImportRequest, importCorpus } from './import-corpus.js';
import { InlineTarget, RecordBatch } from './import-target.js';
import { eventRecords, type SourceFile, type SourceRecord } from './source-records.js';

const REQUEST: ImportRequest = { name: 'big', description: '', origin: null, skipInvalid: false };

/**
 * Event `i` of a large import, as the JSON text of its NDJSON line. Some have no timestamp,
 * some have text beyond Latin-1 (the worker cuts documents by UTF-16 offsets), some keep the
 * spacing of their input (stored as given).
 */
function eventText(i: number): string {
  const doc = {
    ...(i % 7 === 3 ? {} : { '@timestamp': 1_709_280_000_000 + ((i * 7919) % 100_000) }),
    event: { code: String(i % 20), sequence: i },
    message: `${i % 5 === 0 ? 'naïve – ✓ 𝒳 ' : ''}${'x'.repeat(150 + (i % 90))}`,
  };
  return i % 11 === 0 ? JSON.stringify(doc, null, 1).replace(/\n/g, '') : JSON.stringify(doc);
}

async function* records(count: number, onRead?: (n: number) => void): AsyncGenerator<SourceRecord> {
  for (let i = 0; i < count; i++) {
    const text = eventText(i);
    onRead?.(i + 1);
    yield { position: { line: i + 1 }, value: JSON.parse(text) as unknown, text };
    // Let the worker's answers in now and then, as a real upload's reads do.
    if (i % 1000 === 999) await new Promise((resolve) => setImmediate(resolve));
  }
}

function contentHash(texts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const text of texts) hash.update(`${text}\n`);
  return hash.digest('hex');
}

function storedEvents(store: Store, contentId: number): StoredEvent[] {
  return [...store.corpora.iterateEvents(contentId, 'ordinal')];
}

function counts(store: Store): { contents: unknown; events: unknown; corpora: unknown } {
  const count = (table: string) => store.db.prepare(`SELECT count(*) AS n FROM ${table}`).pluck().get();
  return { contents: count('contents'), events: count('events'), corpora: count('corpora') };
}

describe('importCorpus through the worker thread (imports larger than one batch)', () => {
  let dir: string;
  let store: Store;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rulebench-import-'));
    store = Store.open(dir);
    // A corpus stored before, which every failed import below must leave alone.
    const kept = await importCorpus(store, records(5), { ...REQUEST, name: 'kept' });
    expect(kept.ok).toBe(true);
  });

  afterEach(async () => {
    await settleWriterWorkers();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores every event in order, with the rows and content hash of the inline path', async () => {
    const count = 3 * BATCH_RECORDS + 123;
    const texts = Array.from({ length: count }, (_, i) => eventText(i));
    const outcome = await importCorpus(store, records(count), REQUEST);
    if (!outcome.ok) throw new Error(`import failed: ${outcome.reason}`);
    expect(outcome.report).toMatchObject({ read: count, imported: count, rejected: 0 });
    expect(outcome.report.withoutTimestamp).toBe(Math.floor((count - 4) / 7) + 1);
    expect(outcome.corpus.eventCount).toBe(count);
    expect(outcome.corpus.contentHash).toBe(contentHash(texts));

    const viaWorker = storedEvents(store, outcome.corpus.contentId);
    expect(viaWorker.map((e) => e.doc)).toEqual(texts);
    expect(viaWorker.map((e) => e.ordinal)).toEqual(texts.map((_, i) => i));
    expect(viaWorker[3]?.ts).toBeNull();
    expect(viaWorker[4]?.ts).toBe(1_709_280_000_000 + ((4 * 7919) % 100_000));

    // The same documents written inline, on a store of their own.
    const otherDir = mkdtempSync(join(tmpdir(), 'rulebench-import-'));
    const other = Store.open(otherDir);
    try {
      const target = new InlineTarget(other);
      const batch = new RecordBatch();
      for (const event of viaWorker) batch.add(event.doc, event.ts);
      let id: string;
      try {
        await target.write(batch);
        id = await target.commit({ name: 'inline', description: '', source: 'upload', origin: null });
      } finally {
        target.close();
      }
      const inline = other.corpora.get(id);
      expect(inline?.contentHash).toBe(outcome.corpus.contentHash);
      expect(inline?.minTimestamp).toBe(outcome.corpus.minTimestamp);
      expect(inline?.maxTimestamp).toBe(outcome.corpus.maxTimestamp);
      expect(storedEvents(other, inline?.contentId ?? -1)).toEqual(viaWorker);
    } finally {
      other.close();
      rmSync(otherDir, { recursive: true, force: true });
    }
  });

  it('reuses an identical stored content instead of storing it twice', async () => {
    const count = BATCH_RECORDS + 1;
    const first = await importCorpus(store, records(count), REQUEST);
    const second = await importCorpus(store, records(count), REQUEST);
    if (!first.ok || !second.ok) throw new Error('import failed');
    expect(second.corpus.id).toBe('big-2');
    expect(second.corpus.contentId).toBe(first.corpus.contentId);
    expect(counts(store)).toEqual({ contents: 2, events: 5 + count, corpora: 3 });
  });

  it('leaves no corpus and no content rows when the worker fails a batch, and stops reading', async () => {
    const before = { corpora: store.corpora.list(), counts: counts(store) };
    // A statement that fails inside the worker's transaction, in the second batch.
    store.db.exec(`CREATE TRIGGER fail_mid_import BEFORE INSERT ON events WHEN NEW.ordinal = ${BATCH_RECORDS + 10}
      BEGIN SELECT RAISE(ABORT, 'injected failure'); END`);
    const count = 20 * BATCH_RECORDS;
    let read = 0;
    await expect(
      importCorpus(
        store,
        records(count, (n) => {
          read = n;
        }),
        REQUEST,
      ),
    ).rejects.toThrow('injected failure');
    expect(read).toBeLessThan(count);
    expect(store.corpora.list()).toEqual(before.corpora);
    expect(counts(store)).toEqual(before.counts);

    // The worker let go of its connection: the store takes the next import.
    store.db.exec('DROP TRIGGER fail_mid_import');
    expect((await importCorpus(store, records(BATCH_RECORDS + 1), REQUEST)).ok).toBe(true);
  });

  it('leaves no corpus and no content rows when the input fails after several batches', async () => {
    const before = { corpora: store.corpora.list(), counts: counts(store) };
    async function* failing(): AsyncGenerator<SourceRecord> {
      yield* records(3 * BATCH_RECORDS);
      throw new Error('connection reset');
    }
    await expect(importCorpus(store, failing(), REQUEST)).rejects.toThrow('connection reset');
    expect(store.corpora.list()).toEqual(before.corpora);
    expect(counts(store)).toEqual(before.counts);
    expect((await importCorpus(store, records(BATCH_RECORDS + 1), REQUEST)).ok).toBe(true);
  });

  it('refuses the whole import for a malformed record after several batches, unless told to skip it', async () => {
    const before = { corpora: store.corpora.list(), counts: counts(store) };
    async function* withBadRecord(): AsyncGenerator<SourceRecord> {
      yield* records(2 * BATCH_RECORDS);
      yield {
        position: { line: 2 * BATCH_RECORDS + 1 },
        error: 'invalid JSON: Unexpected end of JSON input',
      };
      yield* records(BATCH_RECORDS);
    }
    const refused = await importCorpus(store, withBadRecord(), REQUEST);
    expect(refused).toMatchObject({
      ok: false,
      reason: 'invalid_records',
      report: {
        read: 3 * BATCH_RECORDS + 1,
        imported: 0,
        rejected: 1,
        errors: [{ line: 2 * BATCH_RECORDS + 1, reason: 'invalid JSON: Unexpected end of JSON input' }],
      },
    });
    expect(store.corpora.list()).toEqual(before.corpora);
    expect(counts(store)).toEqual(before.counts);

    const skipped = await importCorpus(store, withBadRecord(), { ...REQUEST, skipInvalid: true });
    expect(skipped).toMatchObject({ ok: true, report: { imported: 3 * BATCH_RECORDS, rejected: 1 } });
  });
});

describe('the worker file', () => {
  it('is found from the sources and from the built server alike', () => {
    expect(existsSync(fileURLToPath(WORKER_URL))).toBe(true);
    // The built module sits as deep in dist/ as the source module does in src/.
    const built = pathToFileURL(join(PACKAGE_DIR, 'dist', 'store', 'worker-connection.js'));
    const fromBuilt = new URL('../../workers/sqlite-writer.mjs', built);
    expect(fileURLToPath(fromBuilt)).toBe(fileURLToPath(WORKER_URL));
    expect(fileURLToPath(WORKER_URL)).toBe(join(PACKAGE_DIR, 'workers', 'sqlite-writer.mjs'));
  });
});

describe('documents as stored', () => {
  it('keeps ECS NDJSON lines as given and serialises mapped records', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rulebench-import-'));
    const store = Store.open(dir);
    try {
      const ecs = '{"@timestamp": "2024-03-01T10:00:00Z", "message": "caf\\u00e9"}';
      const raw = JSON.stringify({
        EventID: 1,
        Channel: 'Microsoft-Windows-Sysmon/Operational',
        SourceName: 'Microsoft-Windows-Sysmon',
        Hostname: 'ws1',
        UtcTime: '2024-03-01 10:00:01.000',
        Image: 'C:\\Windows\\System32\\cmd.exe',
      });
      const bytes = new TextEncoder().encode(`  ${ecs}\t\r\n${raw}\n`);
      async function* files(): AsyncGenerator<SourceFile> {
        yield {
          name: null,
          chunks: (async function* () {
            yield bytes;
          })(),
        };
      }
      const outcome = await importCorpus(store, eventRecords(files()), REQUEST);
      if (!outcome.ok) throw new Error(`import failed: ${outcome.reason}`);
      const [first, second] = storedEvents(store, outcome.corpus.contentId);
      expect(first?.doc).toBe(ecs);
      const mapped = JSON.parse(second?.doc ?? '{}') as Record<string, unknown>;
      expect(second?.doc).toBe(JSON.stringify(mapped));
      expect(mapped).toMatchObject({ process: { name: 'cmd.exe' }, event: { code: '1' } });
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
