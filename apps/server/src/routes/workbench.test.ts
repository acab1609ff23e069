import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_QUERY, startTestApp, type TestApp } from '../../test/helpers.js';
import { topValues } from './top-values.js';

describe('topValues', () => {
  it('counts each value once per event, most frequent first, ties in first-seen order', () => {
    const sources = [
      { process: { name: 'a.exe' }, tags: ['x', 'x', 'y'] },
      { 'process.name': 'b.exe', tags: ['y'] },
      { process: { name: 'b.exe' }, tags: 4 },
      { tags: '4' },
      {},
    ];
    expect(topValues(sources, 'process.name', 10)).toEqual({
      field: 'process.name',
      scanned: 5,
      present: 3,
      distinct: 2,
      values: [
        { value: 'b.exe', count: 2 },
        { value: 'a.exe', count: 1 },
      ],
    });
    expect(topValues(sources, 'tags', 2).values).toEqual([
      { value: 'y', count: 2 },
      { value: 'x', count: 1 },
    ]);
    expect(topValues(sources, 'tags', 10).distinct).toBe(4);
  });
});

describe('workbench routes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('live search answers exactly what POST /api/search answers', async () => {
    for (const [query, size] of [
      [FIXTURE_QUERY, 10],
      ['library where true', 2],
      ['library where true', 100],
      ['process where true | tail 2', 100],
      ['network where true', 10],
      ['any where true', 100],
      ['sequence by host.name [process where true] [library where true]', 10],
    ] as const) {
      const body = { corpus: 'fixture', query, size };
      const live = await t.app.inject({ method: 'POST', url: '/api/live-search', payload: body });
      const plain = await t.app.inject({ method: 'POST', url: '/api/search', payload: body });
      expect(live.statusCode).toBe(200);
      const { took: _a, ...liveBody } = live.json();
      const { took: _b, ...plainBody } = plain.json();
      expect(liveBody).toEqual(plainBody);
    }
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/live-search',
      payload: { corpus: 'fixture', query: FIXTURE_QUERY },
    });
    expect(again.json().hits.events.map((e: { _id: string }) => e._id)).toEqual(['1', '4']);
  });

  it('live search reports bad queries and unknown corpora like /api/search', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/live-search',
      payload: { corpus: 'fixture', query: 'process where process.name ==' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].line).toBe(1);
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/live-search',
      payload: { corpus: 'nope', query: 'any where true' },
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('corpus_not_found');
  });

  it('lists the top values of a field with event counts', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/corpora/fixture/fields/process.name/values?limit=2',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      field: 'process.name',
      scanned: 5,
      present: 5,
      distinct: 4,
      values: [
        { value: 'WINWORD.EXE', count: 2 },
        { value: 'cmd.exe', count: 1 },
      ],
    });
    const none = await t.app.inject({ method: 'GET', url: '/api/corpora/nope/fields/a/values' });
    expect(none.statusCode).toBe(404);
    const tooMany = await t.app.inject({
      method: 'GET',
      url: '/api/corpora/fixture/fields/a/values?limit=5000',
    });
    expect(tooMany.statusCode).toBe(400);
  });

  it('streams every event as NDJSON hits in search order', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/corpora/fixture/events.ndjson' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    expect(res.headers['x-total-count']).toBe('5');
    const lines = res.body
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l._id)).toEqual(['2', '3', '1', '5', '4']);
    expect(lines[0]._source.process.name).toBe('cmd.exe');
    const none = await t.app.inject({ method: 'GET', url: '/api/corpora/nope/events.ndjson' });
    expect(none.statusCode).toBe(404);
  });
});
