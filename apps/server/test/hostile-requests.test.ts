import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_QUERY, startTestApp, type TestApp, tempDir } from './helpers.js';

/** `{"bool":{"filter":[…]}}` nested `depth` times, as text (JSON.stringify would overflow first). */
function nestedBool(depth: number): string {
  return `${'{"bool":{"filter":['.repeat(depth)}{"match_all":{}}${']}}'.repeat(depth)}`;
}

describe('hostile requests get clear 4xx answers', () => {
  const web = tempDir();
  let t: TestApp;
  beforeAll(async () => {
    mkdirSync(join(web.path, 'assets'));
    writeFileSync(join(web.path, 'index.html'), '<html>rulebench</html>');
    writeFileSync(join(web.path, 'assets', 'app.js'), 'app()');
    t = await startTestApp({ webDistDir: web.path });
  });
  afterAll(async () => {
    await t.close();
    web.cleanup();
  });

  const es = (index: string, payload: object) =>
    t.app.inject({ method: 'POST', url: `/api/es/${index}/_eql/search`, payload });

  it('matches index patterns without regular expressions: 900 stars before X answer at once', async () => {
    const started = Date.now();
    const res = await es(`${'*'.repeat(900)}X`, { query: 'any where true' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.type).toBe('index_not_found_exception');
    expect(Date.now() - started).toBeLessThan(2_000);
    // Longer than any path parameter may be: refused by the router, at once.
    const tenThousand = await es(`${'*'.repeat(10_000)}X`, { query: 'any where true' });
    expect(tenThousand.statusCode).toBe(414);
    expect(Date.now() - started).toBeLessThan(2_000);
    const patterned = await es('fix*,-nothing*', { query: 'any where true' });
    expect(patterned.statusCode).toBe(200);
    const excluded = await es('fix*,-fixture', { query: 'any where true' });
    expect(excluded.statusCode).toBe(404);
    const missing = await es('fixture,nope', { query: 'any where true' });
    expect(missing.json().error.reason).toBe('no such index [nope]');
  });

  it('refuses a filter nested 10,000 deep with 400 "filter nested too deeply", on search and permalinks', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/es/fixture/_eql/search',
      payload: `{"query":"any where true","filter":${nestedBool(10_000)}}`,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      type: 'parsing_exception',
      reason: 'filter: filter nested too deeply (more than 64 levels of bool)',
    });
    const snapshot = JSON.stringify({
      v: 1,
      rule: { name: 'deep' },
      query: FIXTURE_QUERY,
      corpus: { id: 'fixture' },
      options: { filter: 'FILTER' },
      selection: {},
    });
    const link = await t.app.inject({
      method: 'POST',
      url: '/api/permalinks',
      payload: `{"snapshot":${snapshot.replace('"FILTER"', nestedBool(10_000))}}`,
      headers: { 'content-type': 'application/json' },
    });
    expect(link.statusCode).toBe(400);
    expect(link.json()).toMatchObject({
      code: 'invalid_snapshot',
      message: 'options: filter nested too deeply (more than 64 levels of bool)',
    });
  });

  it('serves field values for field paths up to the schema limit of 1000 characters', async () => {
    const long = await t.app.inject({
      method: 'GET',
      url: `/api/corpora/fixture/fields/${'a.'.repeat(75)}b/values`,
    });
    expect(long.statusCode).toBe(200);
    expect(long.json()).toMatchObject({ present: 0, values: [] });
    const tooLong = await t.app.inject({
      method: 'GET',
      url: `/api/corpora/fixture/fields/${'a'.repeat(1001)}/values`,
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().message).toBe('params/field must not have more than 1000 characters');
  });

  it('refuses a permalink version that is not a whole number', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/permalinks/AAAAAAAAAAAAAAAA/1.5' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code: 'invalid_version',
      message: 'version "1.5" is not a whole number (1, 2, …)',
    });
  });

  it('answers app pages with the app whatever their characters, files with files', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/r/%00%00' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toBe('<html>rulebench</html>');
    expect((await t.app.inject({ method: 'GET', url: '/r/abc/2' })).body).toBe('<html>rulebench</html>');
    expect((await t.app.inject({ method: 'GET', url: '/assets/app.js' })).body).toBe('app()');
    expect((await t.app.inject({ method: 'GET', url: '/missing.js' })).statusCode).toBe(404);
  });

  it('says a JSON body is refused for its __proto__ key, and what is wrong with invalid JSON', async () => {
    const post = (payload: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/search',
        payload,
        headers: { 'content-type': 'application/json' },
      });
    const poisoned = await post('{"corpus":"fixture","query":"any where true","__proto__":{"x":1}}');
    expect(poisoned.statusCode).toBe(400);
    expect(poisoned.json()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code: 'forbidden_json_key',
      message: `the body is refused: it has a "__proto__" key, which could change objects' prototypes; remove it`,
    });
    const broken = await post('{"corpus":"fixture",');
    expect(broken.statusCode).toBe(400);
    expect(broken.json().message).toMatch(/^the body is not valid JSON: /);
  });

  it('names the allowed values of a bad ?format= once, and unknown fields plainly', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/corpora?format=nope',
      payload: '{}\n',
      headers: { 'content-type': 'application/x-ndjson' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe(
      'querystring/format must be one of "ndjson", "json-array", "es-search", "eql-search", "json", "evtx"',
    );
    const search = await t.app.inject({
      method: 'POST',
      url: '/api/search',
      payload: { corpus: 'fixture', query: 'any where true', result_position: 'middle', zzz: 1 },
    });
    expect(search.json().message).toBe(
      'body/zzz is not a known field; body/result_position must be one of "head", "tail"',
    );
  });

  it('answers an unknown key of the Elasticsearch endpoint as Elasticsearch does', async () => {
    const res = await es('fixture', { query: 'any where true', foo: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      type: 'x_content_parse_exception',
      reason: 'unknown field [foo]',
    });
  });

  it('gives an upload whose name is taken a name of its own: "Name (2)"', async () => {
    const upload = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/corpora?name=Fixture%20events',
        payload: '{"a":1}\n',
        headers: { 'content-type': 'application/x-ndjson' },
      });
    const second = await upload();
    expect(second.statusCode).toBe(201);
    expect(second.json().corpus).toMatchObject({ name: 'Fixture events (2)', id: 'fixture-events-2' });
    expect((await upload()).json().corpus.name).toBe('Fixture events (3)');
    const renamed = await t.app.inject({
      method: 'PATCH',
      url: '/api/corpora/fixture-events-2',
      payload: { name: 'Fixture events' },
    });
    expect(renamed.statusCode).toBe(409);
    expect(renamed.json()).toEqual({
      statusCode: 409,
      error: 'Conflict',
      code: 'corpus_name_taken',
      message: 'corpus "fixture" is already named "Fixture events"; choose another name',
    });
    const same = await t.app.inject({
      method: 'PATCH',
      url: '/api/corpora/fixture-events-2',
      payload: { name: 'Fixture events (2)', description: 'kept' },
    });
    expect(same.statusCode).toBe(200);
  });
});
