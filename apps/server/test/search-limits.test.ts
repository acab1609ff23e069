import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, toNdjson } from './helpers.js';

const SIXTY_STAGES = `sequence ${'[any where true] '.repeat(60)}`;

describe('search cost bounds over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ searchTimeoutMs: 1 });
    const events = Array.from({ length: 20_000 }, (_, i) => ({
      '@timestamp': new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString(),
      event: { category: 'process' },
      n: i,
    }));
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/corpora?name=big',
      payload: toNdjson(events),
      headers: { 'content-type': 'application/x-ndjson' },
    });
    expect(res.statusCode).toBe(201);
  });
  afterAll(() => t.close());

  it('refuses 60 stages × size 10,000 with a 400 before running, on every search API', async () => {
    const message =
      'the response could hold 600000 events (size 10000 × 60 events per result); the limit is 10000 events per search: lower size';
    const es = await t.app.inject({
      method: 'POST',
      url: '/api/es/fixture/_eql/search',
      payload: { query: SIXTY_STAGES, size: 10_000 },
    });
    expect(es.statusCode).toBe(400);
    expect(es.json().error).toMatchObject({ type: 'illegal_argument_exception', reason: message });
    const api = await t.app.inject({
      method: 'POST',
      url: '/api/search',
      payload: { corpus: 'fixture', query: SIXTY_STAGES, size: 10_000 },
    });
    expect(api.statusCode).toBe(400);
    expect(api.json()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code: 'response_too_large',
      message,
    });
    const live = await t.app.inject({
      method: 'POST',
      url: '/api/live-search',
      payload: { corpus: 'fixture', query: SIXTY_STAGES, size: 10_000 },
    });
    expect(live.statusCode).toBe(400);
    expect(live.json().code).toBe('response_too_large');
  });

  it('stops a search that runs past its time budget (SEARCH_TIMEOUT_SECONDS) with a 400', async () => {
    const message =
      'the search ran longer than 0.001 s and was stopped; narrow the query (a filter, a shorter maxspan, fewer stages) or raise SEARCH_TIMEOUT_SECONDS';
    const api = await t.app.inject({
      method: 'POST',
      url: '/api/search',
      payload: { corpus: 'big', query: 'sequence [process where n >= 0] [process where n < 0]' },
    });
    expect(api.statusCode).toBe(400);
    expect(api.json()).toEqual({ statusCode: 400, error: 'Bad Request', code: 'search_timeout', message });
    const es = await t.app.inject({
      method: 'POST',
      url: '/api/es/big/_eql/search',
      payload: { query: 'process where n < 0' },
    });
    expect(es.statusCode).toBe(400);
    expect(es.json().error).toMatchObject({ type: 'timeout_exception', reason: message });
  });
});
