import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, tempDir } from './helpers.js';

const INDEX_HTML =
  '<!doctype html><html><body><div id="root"></div><script src="/assets/app-1234.js"></script></body></html>';

const BIG_JS = 'export const rulebench = "workbench";\n'.repeat(500);

describe('serving the built web app', () => {
  let t: TestApp;
  const web = tempDir('rulebench-web-');
  beforeAll(async () => {
    mkdirSync(join(web.path, 'assets'));
    writeFileSync(join(web.path, 'index.html'), INDEX_HTML);
    writeFileSync(join(web.path, 'assets', 'app-1234.js'), 'console.log("app");');
    // What the web build's precompress plugin writes beside a large asset.
    writeFileSync(join(web.path, 'assets', 'big-5678.js'), BIG_JS);
    writeFileSync(join(web.path, 'assets', 'big-5678.js.br'), brotliCompressSync(BIG_JS));
    writeFileSync(join(web.path, 'assets', 'big-5678.js.gz'), gzipSync(BIG_JS));
    t = await startTestApp({ webDistDir: web.path });
  });
  afterAll(async () => {
    await t.close();
    web.cleanup();
  });

  it('serves index.html at /', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toBe(INDEX_HTML);
  });

  it('serves fingerprinted assets as immutable', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/assets/app-1234.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.body).toBe('console.log("app");');
  });

  it('answers app routes such as /r/<id> with index.html (SPA fallback)', async () => {
    for (const url of ['/r/abc123', '/r/abc123/2', '/corpora?x=1']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.body).toBe(INDEX_HTML);
    }
  });

  it('answers a missing asset and unknown /api paths with a JSON 404, not the page', async () => {
    const asset = await t.app.inject({ method: 'GET', url: '/assets/missing-999.js' });
    expect(asset.statusCode).toBe(404);
    expect(asset.json()).toEqual({
      statusCode: 404,
      error: 'Not Found',
      code: 'not_found',
      message: 'Route GET /assets/missing-999.js not found',
    });
    const api = await t.app.inject({ method: 'GET', url: '/api/r/abc' });
    expect(api.statusCode).toBe(404);
    expect(api.json().code).toBe('not_found');
    const post = await t.app.inject({ method: 'POST', url: '/r/abc', payload: {} });
    expect(post.statusCode).toBe(404);
  });

  it('sends the precompressed copy the client accepts, with its Content-Encoding', async () => {
    const br = await t.app.inject({
      method: 'GET',
      url: '/assets/big-5678.js',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(BIG_JS);
    expect(br.rawPayload.byteLength).toBeLessThan(BIG_JS.length / 10);

    const gz = await t.app.inject({
      method: 'GET',
      url: '/assets/big-5678.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(BIG_JS);

    const plain = await t.app.inject({
      method: 'GET',
      url: '/assets/big-5678.js',
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(BIG_JS);

    // A file the build did not compress is sent plain, even to a client that accepts Brotli.
    const small = await t.app.inject({
      method: 'GET',
      url: '/assets/app-1234.js',
      headers: { 'accept-encoding': 'br' },
    });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.body).toBe('console.log("app");');
  });

  it('still serves the API', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });
});

describe('without a web build', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('explains at / that the web app is not built, and keeps the API up', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(503);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.body.split('\n')[0]).toBe('Rulebench API is running, but the web app is not built.');
    expect((await t.app.inject({ method: 'GET', url: '/r/abc' })).statusCode).toBe(503);
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });
});
