import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BATCH_RECORDS } from '../src/corpora/import-corpus.js';
import { startTestApp, type TestApp } from './helpers.js';

const MiB = 1024 * 1024;
/** Where the import's reader cuts the input: its records come a chunk's worth at a time. */
const READER_CHUNK = MiB;

/**
 * An NDJSON upload of a little over 3 MiB (four reader chunks, more than one store batch) with
 * one bad line in the middle, whose text straddles the first chunk boundary, and a blank line
 * before it (counted as a line, not as a record).
 */
function multiChunkUpload() {
  const lines: string[] = [];
  const good: number[] = [];
  let bytes = 0;
  let badLine = 0;
  for (let i = 0; bytes < 3 * MiB + 200_000; i++) {
    let line = JSON.stringify({
      '@timestamp': new Date(Date.UTC(2024, 2, 1) + i * 1000).toISOString(),
      event: { sequence: i },
      message: `event ${i} ${'x'.repeat(400 + (i % 200))}`,
    });
    if (i === 100) {
      lines.push('');
      bytes += 1;
    }
    if (badLine === 0 && bytes + line.length + 1 > READER_CHUNK) {
      // Cut short: the line starts in the first chunk and ends in the second.
      line = `${line.slice(0, line.length - 10)}  `;
      badLine = lines.length + 1;
    } else {
      good.push(i);
    }
    lines.push(line);
    bytes += line.length + 1;
  }
  const text = `${lines.join('\n')}\n`;
  const start = text.indexOf(lines[badLine - 1] as string);
  return { text, badLine, badStart: start, badEnd: start + (lines[badLine - 1] as string).length, good };
}

describe('a large upload read a chunk at a time', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp({ uploadLimitBytes: 8 * MiB });
  });
  afterEach(() => t.close());

  const { text, badLine, badStart, badEnd, good } = multiChunkUpload();

  const upload = (query: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/corpora${query}`,
      // Sent in 64 KiB pieces, as a network would; read back from the spool in 1 MiB chunks.
      payload: Readable.from(
        (function* () {
          const bytes = Buffer.from(text);
          for (let i = 0; i < bytes.length; i += 64 * 1024) yield bytes.subarray(i, i + 64 * 1024);
        })(),
      ),
      headers: { 'content-type': 'application/x-ndjson' },
    });
  const eventCount = () => t.app.store.db.prepare('SELECT count(*) AS n FROM events').pluck().get();

  it('is what the test means it to be', () => {
    expect(text.length).toBeGreaterThan(3 * READER_CHUNK);
    expect(badStart).toBeLessThan(READER_CHUNK);
    expect(badEnd).toBeGreaterThan(READER_CHUNK);
    expect(good.length).toBeGreaterThan(BATCH_RECORDS);
  });

  it('stores every good record, in order, and reports the bad line by its number', async () => {
    const before = eventCount();
    const res = await upload('?name=big&skip_invalid=true');
    expect(res.statusCode).toBe(201);
    const { report, corpus } = res.json();
    expect(report).toMatchObject({
      read: good.length + 1,
      imported: good.length,
      rejected: 1,
      withoutTimestamp: 0,
      errorsTruncated: false,
    });
    expect(report.errors).toEqual([{ line: badLine, reason: expect.stringMatching(/^invalid JSON: /) }]);
    expect(corpus.eventCount).toBe(good.length);
    expect(eventCount()).toBe((before as number) + good.length);
    const sequences = t.app.store.db
      .prepare(
        'SELECT doc FROM events WHERE content_id = (SELECT id FROM contents WHERE hash = ?) ORDER BY ordinal',
      )
      .pluck()
      .all(corpus.contentHash)
      .map((doc) => (JSON.parse(doc as string) as { event: { sequence: number } }).event.sequence);
    expect(sequences).toEqual(good);
  });

  it('stores nothing when bad records are not to be skipped, naming the same line', async () => {
    const corpora = (await t.app.inject({ method: 'GET', url: '/api/corpora' })).json();
    const before = eventCount();
    const res = await upload('?name=big');
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe('invalid_records');
    expect(body.report).toMatchObject({ read: good.length + 1, imported: 0, rejected: 1 });
    expect(body.report.errors.map((e: { line: number }) => e.line)).toEqual([badLine]);
    expect(eventCount()).toBe(before);
    expect((await t.app.inject({ method: 'GET', url: '/api/corpora' })).json()).toEqual(corpora);
  });
});
