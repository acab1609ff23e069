import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/build-app.js';
import { defaultConfig } from '../src/config.js';
import { FIXTURE_EVENTS, FIXTURE_QUERY, tempDir, toNdjson, writeFixtureCorpus } from './helpers.js';

const IDLE_MS = 600;

/** Starts an upload that sends `sent` and then nothing more, announcing a much longer body. */
function stalledUpload(base: string, sent: string, name: string) {
  const req = httpRequest(`${base}/api/corpora?name=${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-ndjson', 'content-length': String(10_000_000) },
  });
  const closed = new Promise<{ status: number | undefined }>((resolve) => {
    let status: number | undefined;
    req.on('response', (res) => {
      status = res.statusCode;
      res.resume();
      res.on('close', () => resolve({ status }));
    });
    req.on('error', () => resolve({ status }));
    req.on('close', () => resolve({ status }));
  });
  req.write(sent);
  return { req, closed };
}

describe('a stalled or vanished uploader', () => {
  const dir = tempDir();
  const logs: { level: number; msg: string }[] = [];
  let app: FastifyInstance;
  let base: string;

  beforeAll(async () => {
    const corporaDir = join(dir.path, 'corpora');
    writeFixtureCorpus(corporaDir);
    const config = defaultConfig({
      dataDir: join(dir.path, 'data'),
      corporaDir,
      webDistDir: join(dir.path, 'web-missing'),
      uploadIdleTimeoutMs: IDLE_MS,
    });
    const stream = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line));
        done();
      },
    });
    app = await buildApp(config, { logger: { level: 'info', stream } });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app.close();
    dir.cleanup();
  });

  const corpusIds = () => app.store.corpora.list().map((c) => c.id);

  it('does not hold up other writes: a permalink is made while an upload stalls', async () => {
    const upload = stalledUpload(base, toNdjson(FIXTURE_EVENTS), 'stalled');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    const made = await fetch(`${base}/api/permalinks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        snapshot: {
          v: 1,
          rule: { name: 'Stall test', query: FIXTURE_QUERY },
          query: FIXTURE_QUERY,
          corpus: { id: 'fixture' },
          options: { size: 10 },
          selection: {},
        },
      }),
    });
    expect(made.status).toBe(201);
    // Well before the stalled upload is given up on.
    expect(Date.now() - started).toBeLessThan(IDLE_MS);
    const deleted = await fetch(`${base}/api/corpora/not-there`, { method: 'DELETE' });
    expect(deleted.status).toBe(404);

    // The stalled upload is cancelled after the idle timeout, and nothing of it is stored.
    await upload.closed;
    expect(Date.now() - started).toBeLessThan(IDLE_MS * 5);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(corpusIds()).toEqual(['fixture']);
    expect(logs.some((l) => l.level === 30 && /upload sent no data for 1 s/.test(JSON.stringify(l)))).toBe(
      true,
    );
  });

  it('cancels an upload whose client disconnects, logging it at info level, not as an error', async () => {
    const upload = stalledUpload(base, toNdjson(FIXTURE_EVENTS), 'vanished');
    await new Promise((resolve) => setTimeout(resolve, 100));
    upload.req.destroy();
    await upload.closed;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(corpusIds()).toEqual(['fixture']);
    const errors = logs.filter((l) => l.level >= 50);
    expect(errors).toEqual([]);
    expect(logs.some((l) => l.level === 30 && /client_closed_request/.test(JSON.stringify(l)))).toBe(true);
    // The store takes uploads afterwards.
    const ok = await fetch(`${base}/api/corpora?name=after`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson' },
      body: toNdjson(FIXTURE_EVENTS),
    });
    expect(ok.status).toBe(201);
  });

  it('refuses a too-large upload from its Content-Length at once, in MB', async () => {
    const req = httpRequest(`${base}/api/corpora`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', 'content-length': String(300 * 1024 * 1024) },
    });
    const answer = new Promise<{ status: number | undefined; body: string }>((resolve, reject) => {
      req.on('response', (res) => {
        let body = '';
        res.on('data', (c) => {
          body += c;
        });
        res.on('end', () => resolve({ status: res.statusCode, body }));
      });
      req.on('error', reject);
    });
    req.write('{"a":1}\n');
    const { status, body } = await answer;
    req.destroy();
    expect(status).toBe(413);
    expect(JSON.parse(body).message).toBe(
      'the upload is larger than the limit of 256 MB (set UPLOAD_LIMIT_MB to change it)',
    );
  });
});
