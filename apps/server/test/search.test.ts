import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_EVENTS, FIXTURE_QUERY, startTestApp, type TestApp } from './helpers.js';

describe('POST /api/search', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const search = (payload: unknown) =>
    t.app.inject({ method: 'POST', url: '/api/search', payload: payload as object });
  const ids = (body: { hits: { events?: { _id: string }[] } }) => body.hits.events?.map((e) => e._id);

  it('returns the seed rule query matches in the _eql/search shape', async () => {
    const res = await search({ corpus: 'fixture', query: FIXTURE_QUERY });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ is_partial: false, is_running: false, timed_out: false });
    expect(typeof body.took).toBe('number');
    expect(body.hits.total).toEqual({ value: 2, relation: 'eq' });
    expect(body.hits.events).toEqual([
      { _index: 'fixture', _id: '1', _source: FIXTURE_EVENTS[0] },
      { _index: 'fixture', _id: '4', _source: FIXTURE_EVENTS[3] },
    ]);
  });

  it('orders by timestamp and honours size and result_position', async () => {
    expect(ids((await search({ corpus: 'fixture', query: 'any where true' })).json())).toEqual([
      '2',
      '3',
      '1',
      '5',
      '4',
    ]);
    // Elasticsearch's default position is `tail`: the latest `size` matches, ascending.
    expect(ids((await search({ corpus: 'fixture', query: 'any where true', size: 2 })).json())).toEqual([
      '5',
      '4',
    ]);
    const head = await search({
      corpus: 'fixture',
      query: 'any where true',
      size: 2,
      result_position: 'head',
    });
    expect(ids(head.json())).toEqual(['2', '3']);
    const cat = await search({ corpus: 'fixture', query: 'library where process.name == "WINWORD.EXE"' });
    expect(ids(cat.json())).toEqual(['3', '1']);
  });

  it('gives hits.total as Elasticsearch does and every match in `matches`, for head and tail alike', async () => {
    for (const result_position of ['head', 'tail'] as const) {
      const res = await search({ corpus: 'fixture', query: 'any where true', size: 2, result_position });
      const body = res.json();
      expect(body.hits.total).toEqual({ value: 2, relation: 'eq' });
      expect(body.matches).toEqual({ value: 5, relation: 'eq' });
    }
    const piped = await search({ corpus: 'fixture', query: 'any where true | head 3', size: 2 });
    expect(piped.json().matches).toEqual({ value: 3, relation: 'eq' });
  });

  it('sorts by another timestamp field or a tiebreaker when asked', async () => {
    const byPid = await search({
      corpus: 'fixture',
      query: 'any where process.pid != null',
      timestamp_field: 'process.pid',
    });
    expect(byPid.statusCode).toBe(200);
    expect(ids(byPid.json())).toEqual(['2', '1', '3']);
    const tie = await search({
      corpus: 'fixture',
      query: 'any where true',
      tiebreaker_field: 'host.name',
    });
    expect(ids(tie.json())).toEqual(['2', '3', '1', '5', '4']);
  });

  it('answers an invalid query with 400 and the located error', async () => {
    const res = await search({ corpus: 'fixture', query: 'any where process.name ==' });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.statusCode).toBe(400);
    expect(body.error).toBe('Bad Request');
    expect(body.code).toBe('EQL_SYNTAX');
    expect(body.errors).toHaveLength(1);
    const [problem] = body.errors;
    expect(problem.code).toBe('EQL_SYNTAX');
    expect(problem.line).toBe(1);
    expect(problem.column).toBe(problem.start + 1);
    expect(problem.end).toBeGreaterThanOrEqual(problem.start);
    expect(body.message).toBe(`1:${problem.column}: ${problem.message}`);
  });

  it('reports the line and column of an error on a later line', async () => {
    const res = await search({
      corpus: 'fixture',
      query: 'any where\n  process.name == "a" and\n  nosuchfunction(x)',
    });
    expect(res.statusCode).toBe(400);
    const [problem] = res.json().errors;
    expect(problem.line).toBe(3);
    expect(problem.column).toBe(3);
    expect(problem.start).toBe('any where\n  process.name == "a" and\n  '.length);
  });

  it('answers an unknown corpus with 404', async () => {
    const res = await search({ corpus: 'nope', query: 'any where true' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      statusCode: 404,
      error: 'Not Found',
      code: 'corpus_not_found',
      message: 'no corpus with id "nope"',
    });
  });
});

describe('POST /api/search with hostile input', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ maxQueryLength: 10_000, jsonBodyLimitBytes: 64 * 1024 });
  });
  afterAll(() => t.close());

  const post = (payload: string, contentType = 'application/json') =>
    t.app.inject({ method: 'POST', url: '/api/search', payload, headers: { 'content-type': contentType } });

  const validation = (message: string) => ({
    statusCode: 400,
    error: 'Bad Request',
    code: 'FST_ERR_VALIDATION',
    message,
  });

  it('rejects wrong types without coercing them', async () => {
    expect((await post(JSON.stringify({ corpus: 'fixture', query: 123 }))).json()).toEqual(
      validation('body/query must be string'),
    );
    expect(
      (await post(JSON.stringify({ corpus: 'fixture', query: 'any where true', size: '5' }))).json(),
    ).toEqual(validation('body/size must be integer'));
    expect((await post(JSON.stringify({ corpus: ['fixture'], query: 'any where true' }))).json()).toEqual(
      validation('body/corpus must be string'),
    );
    expect(
      (await post(JSON.stringify({ corpus: 'fixture', query: 'any where true', size: -1 }))).json(),
    ).toEqual(validation('body/size must be >= 0'));
    expect(
      (await post(JSON.stringify({ corpus: 'fixture', query: 'any where true', result_position: 'middle' })))
        .statusCode,
    ).toBe(400);
  });

  it('rejects missing fields, unknown fields and non-object bodies', async () => {
    expect((await post(JSON.stringify({ corpus: 'fixture' }))).json()).toEqual(
      validation('body must have required properties query'),
    );
    const unknown = await post(JSON.stringify({ corpus: 'fixture', query: 'any where true', sise: 5 }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('FST_ERR_VALIDATION');
    for (const body of ['[]', '"any where true"', 'null', '42']) {
      const res = await post(body);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('FST_ERR_VALIDATION');
    }
  });

  it('rejects invalid JSON, empty bodies and other content types', async () => {
    const invalid = await post('{"corpus": "fixture", "query": ');
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json()).toMatchObject({
      statusCode: 400,
      error: 'Bad Request',
      code: 'FST_ERR_CTP_INVALID_JSON_BODY',
    });
    const empty = await post('');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().code).toBe('FST_ERR_CTP_EMPTY_JSON_BODY');
    const text = await post('any where true', 'text/plain');
    expect(text.json()).toEqual(validation('body must be object'));
    const xml = await post('<query/>', 'application/xml');
    expect(xml.statusCode).toBe(415);
    expect(xml.json()).toMatchObject({
      statusCode: 415,
      error: 'Unsupported Media Type',
      code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
    });
  });

  it('rejects a query over the length limit and a body over the size limit', async () => {
    const long = await post(
      JSON.stringify({ corpus: 'fixture', query: `any where ${'a or '.repeat(3000)}b` }),
    );
    expect(long.json()).toEqual(validation('body/query must not have more than 10000 characters'));
    const huge = await post(
      JSON.stringify({ corpus: 'fixture', query: 'any where true', pad: 'x'.repeat(70 * 1024) }),
    );
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toEqual({
      statusCode: 413,
      error: 'Payload Too Large',
      code: 'FST_ERR_CTP_BODY_TOO_LARGE',
      message: 'Request body is too large',
    });
  });

  it('survives deeply nested parentheses and long operator chains', async () => {
    const nested = `any where ${'('.repeat(4000)}true${')'.repeat(4000)}`;
    const res = await post(JSON.stringify({ corpus: 'fixture', query: nested }));
    expect(res.statusCode).toBe(400);
    expect(res.json().statusCode).toBe(400);
    expect(res.json().errors.length).toBe(1);
    const chain = `any where ${Array.from({ length: 1500 }, (_, i) => `process.pid == ${i}`).join(' or ')}`;
    const ok = await post(
      JSON.stringify({
        corpus: 'fixture',
        query: chain.slice(0, 10_000).replace(/ or [^ ]*( ==)?[^ ]*$/, ''),
      }),
    );
    expect(ok.statusCode).toBe(200);
    // The server is still answering.
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nothing/here?x=1' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      statusCode: 404,
      error: 'Not Found',
      code: 'not_found',
      message: 'Route GET /api/nothing/here not found',
    });
    const wrongMethod = await t.app.inject({ method: 'DELETE', url: '/api/search' });
    expect(wrongMethod.statusCode).toBe(404);
  });
});
