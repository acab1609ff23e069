import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_EVENTS, FIXTURE_QUERY, startTestApp, type TestApp, tempDir, toNdjson } from './helpers.js';

const RULE = {
  rule_id: '891cb88e-441a-4c3e-be2d-120d99fe7b0d',
  name: 'Office loads WMI',
  description: 'An Office process loads wmiutils.dll.',
  type: 'eql',
  language: 'eql',
  severity: 'low',
  risk_score: 21,
  index: ['winlogbeat-*', 'logs-endpoint.events.library-*'],
  from: 'now-9m',
  query: FIXTURE_QUERY,
  note: '## Triage\n\nLook at {{process.name}}.',
  metadata: { maturity: 'production' },
};

const snapshot = (overrides: Record<string, unknown> = {}) => ({
  v: 1,
  rule: RULE,
  query: FIXTURE_QUERY,
  corpus: { id: 'fixture' },
  options: { size: 10, tiebreaker_field: 'host.name' },
  selection: { event: '3', panel: 'guide' },
  ...overrides,
});

describe('permalinks', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const post = (payload: unknown) =>
    t.app.inject({ method: 'POST', url: '/api/permalinks', payload: payload as object });
  const get = (url: string) => t.app.inject({ method: 'GET', url });

  it('stores a snapshot under an id derived from its state: same state, same id', async () => {
    const first = await post({ snapshot: snapshot() });
    expect(first.statusCode).toBe(201);
    const body = first.json();
    expect(body.id).toMatch(/^[0-9A-Za-z]{16}$/);
    expect(body).toEqual({ id: body.id, version: 1, url: `/r/${body.id}/1`, created: true });

    // Same state with keys in another order: the canonical form is the same.
    const reordered = {
      ...Object.fromEntries(Object.entries(snapshot()).reverse()),
      selection: { panel: 'guide', event: '3' },
      rule: Object.fromEntries(Object.entries(RULE).reverse()),
    };
    const again = await post({ snapshot: reordered });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ id: body.id, version: 1, url: `/r/${body.id}/1`, created: false });

    const other = await post({ snapshot: snapshot({ selection: { event: '0', panel: 'guide' } }) });
    expect(other.statusCode).toBe(201);
    expect(other.json().id).not.toBe(body.id);
  });

  it('returns the whole snapshot with the corpus pinned to its content', async () => {
    const { id } = (await post({ snapshot: snapshot() })).json();
    const res = await get(`/api/permalinks/${id}`);
    expect(res.statusCode).toBe(200);
    const view = res.json();
    const corpus = (await get('/api/corpora/fixture')).json();
    expect(view.snapshot).toEqual({
      v: 1,
      rule: RULE,
      query: FIXTURE_QUERY,
      corpus: { index: 'fixture', name: corpus.name, content_hash: corpus.contentHash },
      options: { size: 10, tiebreaker_field: 'host.name' },
      selection: { event: '3', panel: 'guide' },
    });
    expect(view.corpus).toEqual({
      index: 'fixture',
      name: corpus.name,
      content_hash: corpus.contentHash,
      event_count: 5,
    });
    expect(view.version).toBe(1);
    expect(view.url).toBe(`/r/${id}/1`);
    expect(view.versions).toEqual([{ version: 1, created_at: view.created_at, url: `/r/${id}/1` }]);
    expect((await get(`/api/permalinks/${id}/1`)).json()).toEqual(view);
  });

  it('re-runs the stored query on the stored events', async () => {
    const { id } = (await post({ snapshot: snapshot() })).json();
    const res = await get(`/api/permalinks/${id}/1/search`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.hits.total).toEqual({ value: 2, relation: 'eq' });
    expect(body.hits.events).toEqual([
      { _index: 'fixture', _id: '1', _source: FIXTURE_EVENTS[0] },
      { _index: 'fixture', _id: '4', _source: FIXTURE_EVENTS[3] },
    ]);
  });

  it('re-runs a snapshot without result_position as head, the default when it was made', async () => {
    const ids = async (options: Record<string, unknown>) => {
      const { id } = (await post({ snapshot: snapshot({ query: 'any where true', options }) })).json();
      return (await get(`/api/permalinks/${id}/1/search`))
        .json()
        .hits.events.map((e: { _id: string }) => e._id);
    };
    // Five events; the workbench now writes the position out (`tail`, Elasticsearch's default).
    const head = await ids({ size: 2 });
    expect(await ids({ size: 2, result_position: 'head' })).toEqual(head);
    const tail = await ids({ size: 2, result_position: 'tail' });
    expect(tail).toHaveLength(2);
    expect(tail).not.toEqual(head);
  });

  it('applies the stored exceptions and filter, with relative times fixed when the link was made', async () => {
    const { id } = (
      await post({
        snapshot: snapshot({
          options: {
            exceptions: [
              {
                entries: [{ field: 'process.name', operator: 'included', type: 'match', value: 'EXCEL.EXE' }],
              },
            ],
            filter: { range: { '@timestamp': { gte: 'now-100y', lte: 'now' } } },
          },
        }),
      })
    ).json();
    const body = (await get(`/api/permalinks/${id}/1/search`)).json();
    expect(body.hits.events.map((e: { _id: string }) => e._id)).toEqual(['1']);

    const bad = await post({
      snapshot: snapshot({
        options: {
          exceptions: [{ entries: [{ field: 'a', type: 'list', list: { id: 'ips', type: 'ip' } }] }],
        },
      }),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code: 'invalid_snapshot',
      message:
        'options: exceptions[0].entries[0].type "list" cannot be replayed; Rulebench applies match, match_any, exists, wildcard and nested entries',
    });
  });

  it('adds versions under a base; the same state posted again gives the existing version', async () => {
    const base = (await post({ snapshot: snapshot({ selection: { panel: 'matches' } }) })).json();
    const v2 = await post({
      snapshot: snapshot({ selection: { panel: 'matches' }, rule: { ...RULE, severity: 'high' } }),
      base: { id: base.id },
    });
    expect(v2.statusCode).toBe(201);
    expect(v2.json()).toEqual({ id: base.id, version: 2, url: `/r/${base.id}/2`, created: true });
    const v3 = await post({
      snapshot: snapshot({
        selection: { panel: 'matches' },
        rule: { ...RULE, severity: 'high', risk_score: 73 },
        query: 'any where true',
      }),
      base: { id: base.id },
    });
    expect(v3.json().version).toBe(3);
    const repeat = await post({
      snapshot: snapshot({ selection: { panel: 'matches' }, rule: { ...RULE, severity: 'high' } }),
      base: { id: base.id },
    });
    expect(repeat.statusCode).toBe(200);
    expect(repeat.json()).toEqual({ id: base.id, version: 2, url: `/r/${base.id}/2`, created: false });
    // Version 1's own state under its base is version 1.
    expect(
      (await post({ snapshot: snapshot({ selection: { panel: 'matches' } }), base: { id: base.id } })).json()
        .version,
    ).toBe(1);

    const latest = (await get(`/api/permalinks/${base.id}`)).json();
    expect(latest.version).toBe(3);
    expect(latest.versions.map((v: { version: number }) => v.version)).toEqual([1, 2, 3]);
    expect((await get(`/api/permalinks/${base.id}/1`)).json().snapshot.rule.severity).toBe('low');

    const diff = await get(`/api/permalinks/${base.id}/diff?from=1&to=3`);
    expect(diff.statusCode).toBe(200);
    expect(diff.json()).toEqual({
      id: base.id,
      from: 1,
      to: 3,
      changes: [
        { path: 'query', kind: 'changed', before: FIXTURE_QUERY, after: 'any where true' },
        { path: 'rule.risk_score', kind: 'changed', before: 21, after: 73 },
        { path: 'rule.severity', kind: 'changed', before: 'low', after: 'high' },
      ],
    });
    const missingBase = await post({ snapshot: snapshot(), base: { id: 'AAAAAAAAAAAAAAAA' } });
    expect(missingBase.statusCode).toBe(404);
    expect(missingBase.json()).toEqual({
      statusCode: 404,
      error: 'Not Found',
      code: 'permalink_not_found',
      message: 'no permalink "AAAAAAAAAAAAAAAA"',
    });
  });

  it('answers unknown ids and versions with 404, hostile ids with 400, 404 or 414', async () => {
    const { id } = (await post({ snapshot: snapshot() })).json();
    expect((await get('/api/permalinks/AAAAAAAAAAAAAAAA')).json()).toEqual({
      statusCode: 404,
      error: 'Not Found',
      code: 'permalink_not_found',
      message: 'no permalink "AAAAAAAAAAAAAAAA"',
    });
    expect((await get(`/api/permalinks/${id}/99`)).json()).toEqual({
      statusCode: 404,
      error: 'Not Found',
      code: 'permalink_version_not_found',
      message: `permalink "${id}" has no version 99`,
    });
    expect((await get(`/api/permalinks/${id}/99/search`)).statusCode).toBe(404);
    // A dot-segment is resolved away by the URL parser: it never reaches the route.
    expect((await get('/api/permalinks/%2e%2e')).json().code).toBe('not_found');
    for (const hostile of ['..%2F..%2Fetc%2Fpasswd', 'abc', `${id}x`, "1'%20OR%20'1'%3D'1", '%00%00']) {
      const res = await get(`/api/permalinks/${hostile}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('FST_ERR_VALIDATION');
    }
    expect((await get(`/api/permalinks/${id}/0`)).statusCode).toBe(400);
    expect((await get(`/api/permalinks/${id}/-1`)).statusCode).toBe(400);
    // Huge path segments stop at Fastify's parameter length limit, before any route runs.
    const huge = await get(`/api/permalinks/${'A'.repeat(5000)}`);
    expect(huge.statusCode).toBe(414);
    expect(huge.json().code).toBe('FST_ERR_MAX_PARAM_LENGTH');
    // Shorter ones (field paths may be 1000 characters) reach the schema, which refuses them.
    const longVersion = await get(`/api/permalinks/${id}/${'9'.repeat(200)}`);
    expect(longVersion.statusCode).toBe(400);
    expect(longVersion.json().code).toBe('FST_ERR_VALIDATION');
    expect((await get(`/api/permalinks/${id}/${'9'.repeat(20)}`)).statusCode).toBe(400);
  });

  it('has no route that lists, changes or deletes permalinks', async () => {
    const { id } = (await post({ snapshot: snapshot() })).json();
    expect((await get('/api/permalinks')).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/permalinks/${id}` })).statusCode).toBe(404);
    expect(
      (await t.app.inject({ method: 'PUT', url: `/api/permalinks/${id}`, payload: {} })).statusCode,
    ).toBe(404);
    expect(
      (await t.app.inject({ method: 'PATCH', url: `/api/permalinks/${id}/1`, payload: {} })).statusCode,
    ).toBe(404);
  });

  it('refuses a snapshot of an unknown corpus or content, and malformed snapshots', async () => {
    expect((await post({ snapshot: snapshot({ corpus: { id: 'nope' } }) })).json()).toEqual({
      statusCode: 404,
      error: 'Not Found',
      code: 'corpus_not_found',
      message: 'no corpus with id "nope"',
    });
    const hash = 'a'.repeat(64);
    expect((await post({ snapshot: snapshot({ corpus: { content_hash: hash } }) })).json()).toEqual({
      statusCode: 404,
      error: 'Not Found',
      code: 'content_not_found',
      message: `no stored events with content hash ${hash}`,
    });
    for (const bad of [snapshot({ v: 2 }), snapshot({ rule: 'x' }), { ...snapshot(), extra: 1 }, {}]) {
      const res = await post({ snapshot: bad });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('FST_ERR_VALIDATION');
    }
    let deep: unknown = 'x';
    for (let i = 0; i < 100; i++) deep = { d: deep };
    const tooDeep = await post({ snapshot: snapshot({ rule: { ...RULE, deep } }) });
    expect(tooDeep.statusCode).toBe(400);
    expect(tooDeep.json()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code: 'invalid_snapshot',
      message: 'the value is nested too deeply',
    });
  });

  it('stores a snapshot without events, which has nothing to search', async () => {
    const { id } = (await post({ snapshot: snapshot({ corpus: null }) })).json();
    expect((await get(`/api/permalinks/${id}`)).json().corpus).toBeNull();
    expect((await get(`/api/permalinks/${id}/1/search`)).json()).toEqual({
      statusCode: 409,
      error: 'Conflict',
      code: 'permalink_without_events',
      message: `permalink "${id}" version 1 holds no events to search`,
    });
    const restore = await t.app.inject({ method: 'POST', url: `/api/permalinks/${id}/1/corpus` });
    expect(restore.statusCode).toBe(409);
    expect(restore.json().message).toBe(`permalink "${id}" version 1 holds no events to restore`);
  });

  it('reports a stored query that does not parse as 422 with its location', async () => {
    const { id } = (await post({ snapshot: snapshot({ query: 'any where process.name ==' }) })).json();
    const res = await get(`/api/permalinks/${id}/1/search`);
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.statusCode).toBe(422);
    expect(body.code).toBe('EQL_SYNTAX');
    expect(body.errors[0].line).toBe(1);
  });

  it('gives the equivalent curl request for Elasticsearch', async () => {
    const { id } = (await post({ snapshot: snapshot({ options: { size: 5 } }) })).json();
    const res = await get(`/api/permalinks/${id}/1/curl`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    const lines = res.body.split('\n');
    expect(lines[0]).toBe(
      `curl -s -X POST "\${ES_URL:-http://localhost:9200}/winlogbeat-*,logs-endpoint.events.library-*/_eql/search?pretty" \\`,
    );
    expect(lines[1]).toBe(`  -u "\${ES_USER:-elastic}" -H 'Content-Type: application/json' \\`);
    const json = res.body.slice(res.body.indexOf("-d '") + 4, res.body.lastIndexOf("'"));
    expect(JSON.parse(json)).toEqual({
      query: FIXTURE_QUERY,
      size: 5,
      filter: { range: { '@timestamp': { gte: 'now-9m', lte: 'now' } } },
    });
  });
});

describe('permalinks outlive their corpus and the server', () => {
  it('keeps every permalink across a restart, and its events after the corpus is deleted', async () => {
    const dir = tempDir();
    try {
      const first = await startTestApp({}, dir.path);
      const upload = await first.app.inject({
        method: 'POST',
        url: '/api/corpora?name=Lab%20run',
        payload: toNdjson(FIXTURE_EVENTS),
        headers: { 'content-type': 'application/x-ndjson' },
      });
      expect(upload.statusCode).toBe(201);
      const corpusId = upload.json().corpus.id;
      const made = await first.app.inject({
        method: 'POST',
        url: '/api/permalinks',
        payload: { snapshot: snapshot({ corpus: { id: corpusId } }) },
      });
      const { id } = made.json();
      const v2 = await first.app.inject({
        method: 'POST',
        url: '/api/permalinks',
        payload: { snapshot: snapshot({ corpus: { id: corpusId }, query: 'any where true' }), base: { id } },
      });
      expect(v2.json().version).toBe(2);
      const before = (
        await first.app.inject({ method: 'GET', url: `/api/permalinks/${id}/1/search` })
      ).json();
      expect(before.hits.total.value).toBe(2);
      await first.app.close();

      const second = await startTestApp({}, dir.path);
      try {
        const deleted = await second.app.inject({ method: 'DELETE', url: `/api/corpora/${corpusId}` });
        expect(deleted.statusCode).toBe(204);
        expect((await second.app.inject({ method: 'GET', url: `/api/corpora/${corpusId}` })).statusCode).toBe(
          404,
        );

        const view = (await second.app.inject({ method: 'GET', url: `/api/permalinks/${id}` })).json();
        expect(view.version).toBe(2);
        expect(view.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
        expect(view.corpus).toMatchObject({ index: corpusId, name: 'Lab run', event_count: 5 });
        const after = (
          await second.app.inject({ method: 'GET', url: `/api/permalinks/${id}/1/search` })
        ).json();
        expect(after.hits).toEqual(before.hits);
        const all = (
          await second.app.inject({ method: 'GET', url: `/api/permalinks/${id}/2/search` })
        ).json();
        expect(all.hits.total.value).toBe(5);
        // The same state still gives the same id after the restart (the id key is stored).
        const same = await second.app.inject({
          method: 'POST',
          url: '/api/permalinks',
          payload: {
            snapshot: snapshot({
              corpus: { content_hash: view.corpus.content_hash, index: corpusId, name: 'Lab run' },
            }),
          },
        });
        expect(same.json()).toEqual({ id, version: 1, url: `/r/${id}/1`, created: false });

        // Restoring the events of a deleted corpus for a fork: the bundled fixture holds the very
        // same events, so it is the answer (no second copy is made).
        const reused = await second.app.inject({ method: 'POST', url: `/api/permalinks/${id}/1/corpus` });
        expect(reused.statusCode).toBe(200);
        expect(reused.json()).toEqual({
          created: false,
          corpus: { id: 'fixture', name: expect.any(String), eventCount: 5 },
        });
      } finally {
        await second.app.close();
      }
    } finally {
      dir.cleanup();
    }
  });
});

describe('restoring the events of a permalink whose corpus was deleted', () => {
  it('makes a corpus on the retained events, under the name the snapshot kept, once', async () => {
    const t = await startTestApp();
    try {
      const upload = await t.app.inject({
        method: 'POST',
        url: '/api/corpora?name=Lab%20run',
        payload: toNdjson(FIXTURE_EVENTS.slice(0, 3)),
        headers: { 'content-type': 'application/x-ndjson' },
      });
      const corpusId = upload.json().corpus.id;
      const made = await t.app.inject({
        method: 'POST',
        url: '/api/permalinks',
        payload: { snapshot: snapshot({ corpus: { id: corpusId } }) },
      });
      const { id } = made.json();
      expect((await t.app.inject({ method: 'DELETE', url: `/api/corpora/${corpusId}` })).statusCode).toBe(
        204,
      );
      const view = (await t.app.inject({ method: 'GET', url: `/api/permalinks/${id}` })).json();
      expect(view.corpus).toMatchObject({ index: corpusId, name: 'Lab run', event_count: 3 });

      const restore = () => t.app.inject({ method: 'POST', url: `/api/permalinks/${id}/1/corpus` });
      const restored = await restore();
      expect(restored.statusCode).toBe(201);
      const back = restored.json();
      expect(back).toEqual({ created: true, corpus: { id: back.corpus.id, name: 'Lab run', eventCount: 3 } });
      const listed = (await t.app.inject({ method: 'GET', url: `/api/corpora/${back.corpus.id}` })).json();
      expect(listed).toMatchObject({ name: 'Lab run', eventCount: 3, contentHash: view.corpus.content_hash });
      const again = await restore();
      expect(again.statusCode).toBe(200);
      expect(again.json()).toEqual({ created: false, corpus: back.corpus });
    } finally {
      await t.close();
    }
  });
});

describe('permalink size limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ permalinkMaxBytes: 4096 });
  });
  afterAll(() => t.close());

  it('refuses a snapshot over PERMALINK_MAX_BYTES with 413', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/permalinks',
      payload: { snapshot: snapshot({ rule: { ...RULE, note: 'x'.repeat(5000) } }) },
    });
    expect(res.statusCode).toBe(413);
    const size = res.json().message.match(/is (\d+) bytes/)?.[1];
    expect(Number(size)).toBeGreaterThan(5000);
    expect(res.json()).toEqual({
      statusCode: 413,
      error: 'Payload Too Large',
      code: 'permalink_too_large',
      message: `the snapshot is ${size} bytes, over the 4096-byte limit for a permalink (PERMALINK_MAX_BYTES); share a smaller corpus selection or a shorter guide`,
    });
  });

  it('refuses a request body far over the limit before reading it', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/permalinks',
      payload: { snapshot: snapshot({ rule: { ...RULE, note: 'x'.repeat(200_000) } }) },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({
      statusCode: 413,
      error: 'Payload Too Large',
      code: 'permalink_too_large',
      message:
        'the snapshot is larger than the 4096-byte limit for a permalink (PERMALINK_MAX_BYTES); share a smaller corpus selection or a shorter guide',
    });
  });
});
