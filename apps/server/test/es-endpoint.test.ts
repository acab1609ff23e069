import { Client, errors } from '@elastic/elasticsearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_EVENTS, FIXTURE_QUERY, startTestApp, type TestApp } from './helpers.js';

describe('Elasticsearch-compatible EQL endpoint, driven by the official client', () => {
  let t: TestApp;
  let client: Client;
  beforeAll(async () => {
    t = await startTestApp();
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    client = new Client({ node: `${address}/api/es` });
  });
  afterAll(async () => {
    await client.close();
    await t.close();
  });

  it('answers eql.search like Elasticsearch', async () => {
    const res = await client.eql.search({ index: 'fixture', query: FIXTURE_QUERY });
    expect(res.is_partial).toBe(false);
    expect(res.hits.total).toEqual({ value: 2, relation: 'eq' });
    expect(res.hits.events?.map((e) => e._id)).toEqual(['1', '4']);
    expect(res.hits.events?.[0]?._index).toBe('fixture');
    expect(res.hits.events?.[0]?._source).toEqual(FIXTURE_EVENTS[0]);
  });

  it('applies size, result_position and a range filter on @timestamp (with date math)', async () => {
    const tail = await client.eql.search({
      index: 'fixture',
      query: 'any where true',
      size: 2,
      result_position: 'tail',
    });
    expect(tail.hits.events?.map((e) => e._id)).toEqual(['5', '4']);
    const ranged = await client.eql.search({
      index: 'fixture',
      query: 'any where true',
      filter: { range: { '@timestamp': { gte: '2024-03-01T10:00:02Z', lt: '2024-03-01T10:00:03Z||+1s' } } },
    });
    expect(ranged.hits.events?.map((e) => e._id)).toEqual(['3', '1']);
    const boolFilter = await client.eql.search({
      index: 'fixture',
      query: 'any where true',
      filter: {
        bool: {
          filter: [{ term: { 'host.name': 'ws1' } }],
          must_not: [{ term: { 'process.name': 'cmd.exe' } }],
        },
      },
    });
    expect(boolFilter.hits.events?.map((e) => e._id)).toEqual(['3', '1']);
    const recent = await client.eql.search({
      index: 'fixture',
      query: 'any where true',
      filter: { range: { '@timestamp': { gte: 'now-9m' } } },
    });
    expect(recent.hits.total?.value).toBe(0);
  });

  it('counts the hits it returns in hits.total, for head and tail alike, as Elasticsearch does', async () => {
    for (const result_position of ['head', 'tail'] as const) {
      const res = await client.eql.search({
        index: 'fixture',
        query: 'any where true',
        size: 2,
        result_position,
      });
      expect(res.hits.total).toEqual({ value: 2, relation: 'eq' });
      expect(res.hits.events).toHaveLength(2);
      // The workbench's own count of every match is not part of the Elasticsearch response.
      expect(Object.keys(res).sort()).toEqual(['hits', 'is_partial', 'is_running', 'timed_out', 'took']);
    }
  });

  it('resolves a wildcard index that matches one corpus', async () => {
    const res = await client.eql.search({ index: 'fix*', query: 'any where true', size: 1 });
    // The latest event: `result_position` defaults to `tail`, as in Elasticsearch.
    expect(res.hits.events?.map((e) => e._id)).toEqual(['4']);
  });

  it('reports an unknown index as index_not_found_exception (404)', async () => {
    const error = await client.eql
      .search({ index: 'nope', query: 'any where true' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(errors.ResponseError);
    const response = error as errors.ResponseError;
    expect(response.statusCode).toBe(404);
    expect(response.body).toEqual({
      error: {
        root_cause: [
          {
            type: 'index_not_found_exception',
            reason: 'no such index [nope]',
            'resource.type': 'index_or_alias',
            'resource.id': 'nope',
            index: 'nope',
          },
        ],
        type: 'index_not_found_exception',
        reason: 'no such index [nope]',
        'resource.type': 'index_or_alias',
        'resource.id': 'nope',
        index: 'nope',
      },
      status: 404,
    });
  });

  it('reports a bad query as a parsing_exception (400) with its line and column', async () => {
    const error = (await client.eql
      .search({ index: 'fixture', query: 'any where process.name ==' })
      .catch((e: unknown) => e)) as errors.ResponseError;
    expect(error.statusCode).toBe(400);
    const body = error.body as { error: { type: string; reason: string }; status: number };
    expect(body.status).toBe(400);
    expect(body.error.type).toBe('parsing_exception');
    expect(body.error.reason).toMatch(/^line 1:\d+: /);
  });

  it('reports an unsupported filter as a parsing_exception (400)', async () => {
    const error = (await client.eql
      .search({ index: 'fixture', query: 'any where true', filter: { match: { message: 'x' } } })
      .catch((e: unknown) => e)) as errors.ResponseError;
    expect(error.statusCode).toBe(400);
    expect((error.body as { error: { reason: string } }).error.reason).toBe(
      'filter: unsupported filter clause "match" (supported: range, term, terms, wildcard, exists, match_all, match_none, bool)',
    );
  });

  it('answers plain curl-style JSON too', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/es/fixture/_eql/search',
      payload: { query: 'process where process.name == "cmd.exe"' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-elastic-product']).toBe('Elasticsearch');
    expect(res.json().hits.events.map((e: { _id: string }) => e._id)).toEqual(['2']);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/es/fixture/_eql/search',
      payload: { query: 5 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({
      error: {
        root_cause: [{ type: 'x_content_parse_exception', reason: 'body/query must be string' }],
        type: 'x_content_parse_exception',
        reason: 'body/query must be string',
      },
      status: 400,
    });
  });
});
