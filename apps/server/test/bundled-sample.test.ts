import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_DIR } from '../src/config.js';
import { startTestApp, type TestApp } from './helpers.js';

const corporaDir = join(PACKAGE_DIR, 'corpora');
const present = existsSync(join(corporaDir, 'sysmon-sample.ndjson'));
if (!present) console.warn(`SKIPPED: the bundled sample corpus is missing from ${corporaDir}`);

/** The real path `npm start` takes: bundled sample corpus + seed rule, end to end. */
describe.skipIf(!present)('the bundled sample corpus with the seed rule', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ corporaDir });
  });
  afterAll(() => t.close());

  it('is loaded with its manifest name and a time range', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/corpora/sysmon-sample' });
    expect(res.statusCode).toBe(200);
    const corpus = res.json();
    expect(corpus.source).toBe('bundled');
    expect(corpus.name).toBe('Sysmon sample (Security-Datasets)');
    expect(corpus.eventCount).toBeGreaterThan(100);
    expect(Date.parse(corpus.minTimestamp)).toBeLessThan(Date.parse(corpus.maxTimestamp));
  });

  it('matches only Office processes loading wmiutils.dll with the seed rule query', async () => {
    const rule = (await t.app.inject({ method: 'GET', url: '/api/rules/default' })).json();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/search',
      payload: { corpus: 'sysmon-sample', query: rule.query, size: 100 },
    });
    expect(res.statusCode).toBe(200);
    const events = res.json().hits.events as {
      _source: { process: { name: string }; dll?: { name: string }; file?: { name: string } };
    }[];
    // The positives PROVENANCE.md lists, in time order.
    expect(events.map((e) => (e._source as { '@timestamp'?: string })['@timestamp'])).toEqual([
      '2020-08-06T07:56:41.392Z',
      '2020-09-17T21:46:12.230Z',
      '2020-09-18T19:00:26.576Z',
    ]);
    for (const { _source } of events) {
      expect(['WINWORD.EXE', 'EXCEL.EXE', 'POWERPNT.EXE', 'MSPUB.EXE', 'MSACCESS.EXE']).toContain(
        _source.process.name.toUpperCase(),
      );
      expect((_source.dll?.name ?? _source.file?.name ?? '').toLowerCase()).toBe('wmiutils.dll');
    }
  });
});
