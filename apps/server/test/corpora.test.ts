import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledCorpora } from '../src/corpora/bundled-corpora.js';
import { Store } from '../src/store/store.js';
import {
  FIXTURE_EVENTS,
  startTestApp,
  type TestApp,
  tempDir,
  toNdjson,
  writeFixtureCorpus,
} from './helpers.js';

describe('bundled corpora and reading events', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('lists the bundled fixture with its counts, time range and content hash', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/corpora' });
    expect(res.statusCode).toBe(200);
    const { corpora } = res.json();
    expect(corpora).toHaveLength(1);
    const [corpus] = corpora;
    expect(corpus).toMatchObject({
      id: 'fixture',
      name: 'Fixture events',
      description: 'Five events for tests',
      source: 'bundled',
      origin: 'fixture.ndjson',
      eventCount: 5,
      minTimestamp: '2024-03-01T10:00:01.000Z',
      maxTimestamp: '2024-03-01T10:00:05.000Z',
    });
    expect(corpus.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const one = await t.app.inject({ method: 'GET', url: '/api/corpora/fixture' });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toEqual(corpus);
  });

  it('pages events in timestamp order with stable ids (the line ordinal)', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/corpora/fixture/events?offset=1&limit=2' });
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.total).toBe(5);
    expect(page.offset).toBe(1);
    expect(page.limit).toBe(2);
    expect(page.events.map((e: { _id: string }) => e._id)).toEqual(['3', '1']);
    expect(page.events[1]).toEqual({ _index: 'fixture', _id: '1', _source: FIXTURE_EVENTS[0] });
  });

  it('filters events by text and by time range', async () => {
    const text = await t.app.inject({ method: 'GET', url: '/api/corpora/fixture/events?q=WMIUTILS' });
    expect(text.json().total).toBe(3);
    expect(text.json().events.map((e: { _id: string }) => e._id)).toEqual(['1', '5', '4']);
    const range = await t.app.inject({
      method: 'GET',
      url: '/api/corpora/fixture/events?from=2024-03-01T10:00:02Z&to=1709287204000',
    });
    expect(range.json().events.map((e: { _id: string }) => e._id)).toEqual(['3', '1', '5']);
    const bad = await t.app.inject({ method: 'GET', url: '/api/corpora/fixture/events?from=yesterday' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code: 'invalid_parameter',
      message: 'from: "yesterday" is neither ISO-8601 nor epoch millis',
    });
  });

  it('returns one event by id, and 404 for unknown ids', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/corpora/fixture/events/4' });
    expect(res.json()).toEqual({ _index: 'fixture', _id: '4', _source: FIXTURE_EVENTS[3] });
    const missing = await t.app.inject({ method: 'GET', url: '/api/corpora/fixture/events/99' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('event_not_found');
    // Ids are 1-based positions: there is no event 0.
    const zero = await t.app.inject({ method: 'GET', url: '/api/corpora/fixture/events/0' });
    expect(zero.statusCode).toBe(404);
  });

  it('rejects bad paging parameters with 400', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/corpora/fixture/events?limit=100000' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code: 'FST_ERR_VALIDATION',
      message: 'querystring/limit must be <= 1000',
    });
    const negative = await t.app.inject({ method: 'GET', url: '/api/corpora/fixture/events?offset=-1' });
    expect(negative.statusCode).toBe(400);
  });

  it('answers 404 for an unknown corpus', async () => {
    for (const url of ['/api/corpora/nope', '/api/corpora/nope/events', '/api/corpora/nope/fields']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({
        statusCode: 404,
        error: 'Not Found',
        code: 'corpus_not_found',
        message: 'no corpus with id "nope"',
      });
    }
  });

  it('builds the field catalogue, flat and nested keys merged', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/corpora/fixture/fields' });
    expect(res.statusCode).toBe(200);
    const { fields } = res.json();
    const byName = new Map(fields.map((f: { name: string }) => [f.name, f]));
    expect(byName.get('process.name')).toEqual({
      name: 'process.name',
      types: ['string'],
      count: 5,
      examples: ['WINWORD.EXE', 'cmd.exe', 'EXCEL.EXE', 'wscript.exe'],
    });
    expect(byName.get('@timestamp')).toMatchObject({ types: ['long', 'string'], count: 5 });
    expect(byName.get('process.pid')).toMatchObject({ types: ['long'], count: 3, examples: [4100, 4000] });
    // Second call is served from the cache and is identical.
    const again = await t.app.inject({ method: 'GET', url: '/api/corpora/fixture/fields' });
    expect(again.json()).toEqual(res.json());
  });

  it('bundled corpora cannot be renamed or deleted', async () => {
    const rename = await t.app.inject({
      method: 'PATCH',
      url: '/api/corpora/fixture',
      payload: { name: 'x' },
    });
    expect(rename.statusCode).toBe(409);
    expect(rename.json().code).toBe('corpus_read_only');
    const del = await t.app.inject({ method: 'DELETE', url: '/api/corpora/fixture' });
    expect(del.statusCode).toBe(409);
  });
});

describe('loading bundled corpora at startup', () => {
  it('skips unchanged files, replaces changed ones and drops removed ones', async () => {
    const dir = tempDir();
    try {
      const corporaDir = join(dir.path, 'corpora');
      writeFixtureCorpus(corporaDir);
      const store = Store.open(join(dir.path, 'data'));
      try {
        expect(await loadBundledCorpora(store, corporaDir)).toEqual([
          { id: 'fixture', status: 'loaded', eventCount: 5 },
        ]);
        const first = store.corpora.get('fixture');
        expect(await loadBundledCorpora(store, corporaDir)).toEqual([
          { id: 'fixture', status: 'unchanged', eventCount: 5 },
        ]);
        expect(store.corpora.get('fixture')).toEqual(first);

        writeFixtureCorpus(corporaDir, FIXTURE_EVENTS.slice(0, 2));
        expect(await loadBundledCorpora(store, corporaDir)).toEqual([
          { id: 'fixture', status: 'replaced', eventCount: 2 },
        ]);
        const second = store.corpora.get('fixture');
        expect(second?.eventCount).toBe(2);
        expect(second?.contentHash).not.toBe(first?.contentHash);
        expect(second?.createdAt).toBe(first?.createdAt);
        // The replaced content is gone: only one content and its two events remain.
        expect(store.db.prepare('SELECT count(*) AS n FROM contents').get()).toEqual({ n: 1 });
        expect(store.db.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 2 });

        rmSync(join(corporaDir, 'fixture.ndjson'));
        expect(await loadBundledCorpora(store, corporaDir)).toEqual([]);
        expect(store.corpora.list()).toEqual([]);
        expect(store.db.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 0 });
      } finally {
        store.close();
      }
    } finally {
      dir.cleanup();
    }
  });

  it('keeps the data across restarts of the app', async () => {
    const dir = tempDir();
    try {
      const first = await startTestApp({}, dir.path);
      const before = (await first.app.inject({ method: 'GET', url: '/api/corpora/fixture' })).json();
      await first.app.close();
      const second = await startTestApp({}, dir.path);
      const after = (await second.app.inject({ method: 'GET', url: '/api/corpora/fixture' })).json();
      await second.app.close();
      expect(after).toEqual(before);
    } finally {
      dir.cleanup();
    }
  });

  it('reports a broken bundled file without stopping the others', async () => {
    const dir = tempDir();
    try {
      const corporaDir = join(dir.path, 'corpora');
      writeFixtureCorpus(corporaDir);
      writeFileSync(join(corporaDir, 'broken.ndjson'), `${toNdjson(FIXTURE_EVENTS.slice(0, 1))}{not json\n`);
      const store = Store.open(join(dir.path, 'data'));
      try {
        const results = await loadBundledCorpora(store, corporaDir);
        expect(results).toHaveLength(2);
        expect(results[0]).toMatchObject({ id: 'broken', status: 'failed' });
        expect(results[0] && 'error' in results[0] ? results[0].error : '').toMatch(
          /^broken\.ndjson:2: invalid JSON/,
        );
        expect(results[1]).toEqual({ id: 'fixture', status: 'loaded', eventCount: 5 });
        expect(store.corpora.list().map((c) => c.id)).toEqual(['fixture']);
      } finally {
        store.close();
      }
    } finally {
      dir.cleanup();
    }
  });
});
