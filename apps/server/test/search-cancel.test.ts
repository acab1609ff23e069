import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchCorpus } from '../src/search/run-search.js';
import { startTestApp, type TestApp, toNdjson } from './helpers.js';

describe('long searches share the server and stop for a vanished client', () => {
  let t: TestApp;
  const COUNT = 60_000;
  beforeAll(async () => {
    t = await startTestApp();
    const events = Array.from({ length: COUNT }, (_, i) => ({
      '@timestamp': 1_700_000_000_000 + i,
      event: { category: 'process' },
      n: i,
    }));
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/corpora?name=many',
      payload: toNdjson(events),
      headers: { 'content-type': 'application/x-ndjson' },
    });
    expect(res.statusCode).toBe(201);
  });
  afterAll(() => t.close());

  it('answers other requests while a search reads the whole corpus', async () => {
    const order: string[] = [];
    const search = t.app
      .inject({
        method: 'POST',
        url: '/api/search',
        payload: { corpus: 'many', query: 'process where n < 0' },
      })
      .then((res) => {
        order.push('search');
        return res;
      });
    // Let the search start before asking for something else.
    await new Promise((resolve) => setImmediate(resolve));
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    order.push('health');
    expect(health.statusCode).toBe(200);
    const res = await search;
    expect(res.statusCode).toBe(200);
    expect(res.json().matches).toEqual({ value: 0, relation: 'eq' });
    expect(order).toEqual(['health', 'search']);
  });

  it('stops at its next pause once the client is gone', async () => {
    const corpus = t.app.store.corpora.get('many');
    expect(corpus).toBeDefined();
    const controller = new AbortController();
    controller.abort();
    await expect(
      searchCorpus(t.app.store, corpus as NonNullable<typeof corpus>, {
        query: 'process where n < 0',
        options: {},
        signal: controller.signal,
      }),
    ).rejects.toMatchObject({
      statusCode: 499,
      code: 'client_closed_request',
      message: 'the client closed the connection; the search was stopped',
    });
  });
});
