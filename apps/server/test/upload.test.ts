import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importCorpus } from '../src/corpora/import-corpus.js';
import { ndjsonRecords } from '../src/corpora/source-records.js';
import { FIXTURE_EVENTS, startTestApp, type TestApp, toNdjson } from './helpers.js';

const EMPTY_REPORT = {
  read: 0,
  imported: 0,
  rejected: 0,
  withoutTimestamp: 0,
  errors: [],
  errorsTruncated: false,
  inputs: [{ compression: 'none', format: 'ndjson', encoding: 'utf-8' }],
};

describe('uploading, renaming and deleting corpora', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp({ uploadLimitBytes: 64 * 1024 });
  });
  afterEach(() => t.close());

  const upload = (payload: string | Buffer, query = '', contentType = 'application/x-ndjson') =>
    t.app.inject({
      method: 'POST',
      url: `/api/corpora${query}`,
      payload,
      headers: { 'content-type': contentType },
    });

  const corpusIds = async () =>
    (await t.app.inject({ method: 'GET', url: '/api/corpora' }))
      .json()
      .corpora.map((c: { id: string }) => c.id);

  it('imports NDJSON as a new corpus and reports the counts', async () => {
    const res = await upload(
      toNdjson(FIXTURE_EVENTS.slice(0, 3)),
      '?name=My%20Lab%20Run&filename=lab.ndjson',
    );
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.report).toEqual({ ...EMPTY_REPORT, read: 3, imported: 3 });
    expect(body.corpus).toMatchObject({
      id: 'my-lab-run',
      name: 'My Lab Run',
      source: 'upload',
      origin: 'lab.ndjson',
      eventCount: 3,
      minTimestamp: '2024-03-01T10:00:01.000Z',
      maxTimestamp: '2024-03-01T10:00:03.000Z',
    });
    expect(await corpusIds()).toEqual(['fixture', 'my-lab-run']);
    const events = (await t.app.inject({ method: 'GET', url: '/api/corpora/my-lab-run/events' })).json();
    expect(events.events.map((e: { _id: string }) => e._id)).toEqual(['2', '3', '1']);
  });

  it('gives a second upload with the same name its own id, sharing the identical content', async () => {
    const first = (await upload(toNdjson(FIXTURE_EVENTS), '?name=Run')).json();
    const second = (await upload(toNdjson(FIXTURE_EVENTS), '?name=Run')).json();
    expect(first.corpus.id).toBe('run');
    expect(second.corpus.id).toBe('run-2');
    // Same events as the bundled fixture: one stored content for all three corpora.
    expect(second.corpus.contentHash).toBe(first.corpus.contentHash);
    const fixture = (await t.app.inject({ method: 'GET', url: '/api/corpora/fixture' })).json();
    expect(first.corpus.contentHash).toBe(fixture.contentHash);
    expect(t.app.store.db.prepare('SELECT count(*) AS n FROM contents').get()).toEqual({ n: 1 });
  });

  it('accepts gzipped NDJSON, CRLF line ends and a byte-order mark', async () => {
    const text = `\uFEFF${toNdjson(FIXTURE_EVENTS.slice(0, 2)).replace(/\n/g, '\r\n')}`;
    const res = await upload(gzipSync(Buffer.from(text)), '?name=zipped', 'application/gzip');
    expect(res.statusCode).toBe(201);
    expect(res.json().report).toEqual({
      ...EMPTY_REPORT,
      read: 2,
      imported: 2,
      inputs: [{ compression: 'gzip', format: 'ndjson', encoding: 'utf-8' }],
    });
  });

  it('refuses the whole upload when a record is bad, naming each bad line', async () => {
    const text = [
      JSON.stringify(FIXTURE_EVENTS[0]),
      '{"@timestamp": "2024-03-01T10:00:00Z", "broken": ',
      '',
      '[1, 2]',
      JSON.stringify({ '@timestamp': 'last tuesday' }),
      JSON.stringify(FIXTURE_EVENTS[1]),
    ].join('\n');
    const res = await upload(text, '?name=bad');
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe('invalid_records');
    expect(body.message).toBe(
      '3 records could not be imported, so nothing was stored; fix them, or upload again with skip_invalid=true to import the others',
    );
    expect(body.report.read).toBe(5);
    expect(body.report.imported).toBe(0);
    expect(body.report.rejected).toBe(3);
    expect(body.report.errors.map((e: { line: number }) => e.line)).toEqual([2, 4, 5]);
    expect(body.report.errors[0].reason).toMatch(/^invalid JSON: /);
    expect(body.report.errors[1].reason).toBe('expected a JSON object, found an array');
    expect(body.report.errors[2].reason).toBe(
      '@timestamp "last tuesday" is neither ISO-8601 nor epoch millis',
    );
    expect(await corpusIds()).toEqual(['fixture']);
    expect(t.app.store.db.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 5 });
  });

  it('imports the good records and reports the bad ones when asked to skip', async () => {
    const text = ['{oops', JSON.stringify(FIXTURE_EVENTS[2]), JSON.stringify({ message: 'no time' })].join(
      '\n',
    );
    const res = await upload(text, '?name=skipping&skip_invalid=true');
    expect(res.statusCode).toBe(201);
    const { report, corpus } = res.json();
    expect(report).toMatchObject({
      read: 3,
      imported: 2,
      rejected: 1,
      withoutTimestamp: 1,
      errorsTruncated: false,
    });
    expect(report.errors[0].line).toBe(1);
    expect(corpus.eventCount).toBe(2);
  });

  it('refuses an empty upload', async () => {
    const res = await upload('\n\n', '?name=empty');
    expect(res.statusCode).toBe(422);
    expect(res.json()).toEqual({
      statusCode: 422,
      error: 'Unprocessable Entity',
      code: 'no_events',
      message: 'the upload holds no events',
      report: { ...EMPTY_REPORT },
    });
  });

  it('refuses an upload over the size limit with 413 and stores nothing', async () => {
    const big = toNdjson(Array.from({ length: 400 }, (_, i) => ({ ...FIXTURE_EVENTS[0], n: i })));
    expect(big.length).toBeGreaterThan(64 * 1024);
    const res = await upload(big, '?name=big');
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({
      statusCode: 413,
      error: 'Payload Too Large',
      code: 'upload_too_large',
      message: 'the upload is larger than the limit of 64 KB (set UPLOAD_LIMIT_MB to change it)',
    });
    expect(await corpusIds()).toEqual(['fixture']);
  });

  it('stops a chunked upload as soon as it passes the limit', async () => {
    const big = toNdjson(Array.from({ length: 400 }, (_, i) => ({ ...FIXTURE_EVENTS[0], n: i })));
    async function* chunks() {
      for (let i = 0; i < big.length; i += 4096) yield Buffer.from(big.slice(i, i + 4096));
    }
    const outcome = importCorpus(
      t.app.store,
      ndjsonRecords((await import('../src/corpora/upload-bytes.js')).limitBytes(chunks(), 64 * 1024)),
      {
        name: 'chunked',
        description: '',
        origin: null,
        skipInvalid: false,
      },
    );
    await expect(outcome).rejects.toThrow('the upload is larger than the limit of 64 KB');
    expect(await corpusIds()).toEqual(['fixture']);
    expect(t.app.store.db.prepare('SELECT count(*) AS n FROM contents').get()).toEqual({ n: 1 });
  });

  it('leaves the store as it was when the input fails half way', async () => {
    async function* failing() {
      yield Buffer.from(toNdjson(FIXTURE_EVENTS.slice(0, 3)));
      throw new Error('connection reset');
    }
    await expect(
      importCorpus(t.app.store, ndjsonRecords(failing()), {
        name: 'x',
        description: '',
        origin: null,
        skipInvalid: false,
      }),
    ).rejects.toThrow('connection reset');
    expect(await corpusIds()).toEqual(['fixture']);
    expect(t.app.store.db.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 5 });
    // The store still takes writes afterwards.
    expect((await upload(toNdjson(FIXTURE_EVENTS.slice(0, 1)), '?name=after')).statusCode).toBe(201);
  });

  it('renames and re-describes an uploaded corpus, keeping its id', async () => {
    await upload(toNdjson(FIXTURE_EVENTS), '?name=before');
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/corpora/before',
      payload: { name: 'After', description: 'renamed' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: 'before', name: 'After', description: 'renamed', eventCount: 5 });
    const wrong = await t.app.inject({ method: 'PATCH', url: '/api/corpora/before', payload: { name: 42 } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().message).toBe('body/name must be string');
    const extra = await t.app.inject({
      method: 'PATCH',
      url: '/api/corpora/before',
      payload: { id: 'other' },
    });
    expect(extra.statusCode).toBe(400);
    const missing = await t.app.inject({ method: 'PATCH', url: '/api/corpora/nope', payload: { name: 'x' } });
    expect(missing.statusCode).toBe(404);
  });

  it('deletes an uploaded corpus and its events, keeping content other corpora share', async () => {
    await upload(toNdjson(FIXTURE_EVENTS.slice(0, 2)), '?name=gone');
    await upload(toNdjson(FIXTURE_EVENTS), '?name=shared');
    expect(t.app.store.db.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 7 });
    expect((await t.app.inject({ method: 'DELETE', url: '/api/corpora/gone' })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'DELETE', url: '/api/corpora/shared' })).statusCode).toBe(204);
    expect(await corpusIds()).toEqual(['fixture']);
    expect(t.app.store.db.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 5 });
    const again = await t.app.inject({ method: 'DELETE', url: '/api/corpora/gone' });
    expect(again.statusCode).toBe(404);
  });
});

describe('upload progress as an NDJSON stream', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(() => t.close());

  it('streams progress lines, then the result the plain request would give', async () => {
    const events = Array.from({ length: 20_000 }, (_, i) => ({ '@timestamp': 1709287205000 + i, n: i }));
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/corpora?name=progress',
      payload: toNdjson(events),
      headers: { 'content-type': 'application/x-ndjson', accept: 'application/x-ndjson' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/x-ndjson');
    const lines = res.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const result = lines.at(-1);
    expect(result.type).toBe('result');
    expect(result.statusCode).toBe(201);
    expect(result.body.corpus).toMatchObject({ id: 'progress', eventCount: 20_000 });
    expect(result.body.report).toEqual({ ...EMPTY_REPORT, read: 20_000, imported: 20_000 });
    for (const progress of lines.slice(0, -1)) {
      expect(progress.type).toBe('progress');
      expect(progress.totalBytes).toBe(Buffer.byteLength(toNdjson(events)));
      expect(progress.read % 500).toBe(0);
    }
  });

  it('ends the stream with the failure when records are bad', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/corpora?name=bad',
      payload: '{"a":1}\nnot json\n',
      headers: { accept: 'application/x-ndjson' },
    });
    expect(res.statusCode).toBe(200);
    const [result] = res.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(result).toMatchObject({ type: 'result', statusCode: 422, body: { code: 'invalid_records' } });
    expect(result.body.report.errors).toEqual([
      { line: 2, reason: expect.stringMatching(/^invalid JSON: /) },
    ]);
  });
});
