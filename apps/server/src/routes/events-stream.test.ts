import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, toNdjson } from '../../test/helpers.js';

describe('GET /api/corpora/:id/events.ndjson while the corpus is deleted', () => {
  let t: TestApp;
  // More than the stream reads ahead (16 chunks of 2,000 lines), so most is read after the delete.
  const COUNT = 60_000;
  beforeAll(async () => {
    t = await startTestApp();
    const events = Array.from({ length: COUNT }, (_, i) => ({ '@timestamp': 1_700_000_000_000 + i, n: i }));
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/corpora?name=streamed',
      payload: toNdjson(events),
      headers: { 'content-type': 'application/x-ndjson' },
    });
    expect(res.statusCode).toBe(201);
  });
  afterAll(() => t.close());

  it('completes from a snapshot: every event arrives although the corpus is gone half way', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/corpora/streamed/events.ndjson',
      payloadAsStream: true,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-total-count']).toBe(String(COUNT));
    const stream = res.stream();
    let text = '';
    let deleted = false;
    for await (const chunk of stream) {
      text += String(chunk);
      if (!deleted) {
        deleted = true;
        const gone = await t.app.inject({ method: 'DELETE', url: '/api/corpora/streamed' });
        expect(gone.statusCode).toBe(204);
        expect(t.app.store.corpora.get('streamed')).toBeUndefined();
      }
    }
    const lines = text.trimEnd().split('\n');
    expect(deleted).toBe(true);
    expect(lines).toHaveLength(COUNT);
    expect(JSON.parse(lines[0] as string)).toEqual({
      _id: '1',
      _source: { '@timestamp': 1_700_000_000_000, n: 0 },
    });
    expect(JSON.parse(lines[COUNT - 1] as string)._source.n).toBe(COUNT - 1);
    // The content is really gone once the stream's snapshot is closed.
    expect(t.app.store.db.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 5 });
  });
});
