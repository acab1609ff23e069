import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_DIR } from '../src/config.js';
import { corpusView } from '../src/corpora/corpus-view.js';
import { startTestApp, type TestApp } from './helpers.js';

const SHARED = process.env.RULEBENCH_SHARED ?? resolve(PACKAGE_DIR, '..', '..', '..', 'shared');
const EVTX = join(
  SHARED,
  'datasets/sbousseaden-EVTX-ATTACK-SAMPLES/Credential Access/sysmon_10_1_memdump_comsvcs_minidump.evtx',
);
const hasEvtx = existsSync(EVTX);
if (!hasEvtx) console.warn(`SKIPPING the corrupt EVTX upload: ${EVTX} is absent (set RULEBENCH_SHARED)`);

/** Hostile inputs found by an adversarial test: each gets a located 4xx, never a 500. */
describe('hostile inputs (timestamps, documents, multipart, rules)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const upload = (
    payload: Buffer | string,
    query = '?name=hostile',
    contentType = 'application/octet-stream',
  ) =>
    t.app.inject({
      method: 'POST',
      url: `/api/corpora${query}`,
      payload,
      headers: { 'content-type': contentType },
    });

  it('refuses timestamps out of the date range with 422 at the line, naming the value as written', async () => {
    const res = await upload(
      '{"@timestamp":"2024-01-01T00:00:00Z"}\n{"@timestamp":-99999999999999999}\n{"@timestamp":1e400}\n',
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().report.errors).toEqual([
      {
        line: 2,
        reason: '@timestamp -99999999999999999 is out of range (dates must be within ±8.64e15 ms of 1970)',
      },
      { line: 3, reason: '@timestamp 1e400 is out of range (dates must be within ±8.64e15 ms of 1970)' },
    ]);
    const list = await t.app.inject({ method: 'GET', url: '/api/corpora' });
    expect(list.statusCode).toBe(200);
  });

  it('shows a corpus whose stored times no Date can hold instead of throwing', () => {
    const view = corpusView({
      id: 'x',
      name: 'x',
      description: '',
      source: 'upload',
      origin: null,
      eventCount: 1,
      minTimestamp: -1e17,
      maxTimestamp: Number.NaN,
      contentId: 1,
      contentHash: 'h',
      createdAt: 1e300,
      updatedAt: 0,
    });
    expect(view).toMatchObject({
      minTimestamp: null,
      maxTimestamp: null,
      createdAt: '1970-01-01T00:00:00.000Z',
      updatedAt: '1970-01-01T00:00:00.000Z',
    });
  });

  describe('rules nesting without end', () => {
    const header =
      '{"rule_id":"0f93cb9a-1931-48c2-8cd0-00000000dddd","name":"deep","description":"d","type":"eql","language":"eql","query":"process where true","risk_score":21,"severity":"low","meta":';
    const deep = `${header}${'['.repeat(50_000)}${']'.repeat(50_000)}}`;

    it('POST /rules/import: 422 locating the field', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/rules/import?filename=deep.ndjson',
        payload: `${deep}\n`,
        headers: { 'content-type': 'text/plain' },
      });
      expect(res.statusCode).toBe(422);
      expect(JSON.stringify(res.json())).toContain('nests deeper than 100 levels');
    });

    it('POST /rules refuses the text with 422; /rules/validate reports it as an error finding', async () => {
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/rules',
        payload: { text: deep, file_name: 'deep.ndjson' },
      });
      expect(created.statusCode).toBe(422);
      expect(JSON.stringify(created.json())).toContain('nests deeper than 100 levels');
      const checked = await t.app.inject({
        method: 'POST',
        url: '/api/rules/validate',
        payload: { text: deep, file_name: 'deep.ndjson' },
      });
      expect(checked.statusCode).toBe(200);
      expect(checked.json().valid).toBe(false);
      expect(JSON.stringify(checked.json().findings)).toContain('nests deeper than 100 levels');
    });

    it('POST /rules and /rules/validate with the rule as JSON: 422, and an error finding', async () => {
      // Sent as text: serialising a 50,000-deep object would overflow this test's own stack.
      const payload = `{"rule":${deep}}`;
      const headers = { 'content-type': 'application/json' };
      const created = await t.app.inject({ method: 'POST', url: '/api/rules', payload, headers });
      expect(created.statusCode).toBe(422);
      expect(JSON.stringify(created.json())).toContain('nests deeper than 100 levels');
      const checked = await t.app.inject({ method: 'POST', url: '/api/rules/validate', payload, headers });
      expect(checked.statusCode).toBe(200);
      expect(checked.json().valid).toBe(false);
      expect(JSON.stringify(checked.json().findings)).toContain('nests deeper than 100 levels');
    });
  });

  describe("malformed multipart bodies: 400 with the parser's message", () => {
    const file = '{"@timestamp":"2024-01-01T00:00:00Z","a":1}\n';
    const body = (boundary: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.ndjson"\r\nContent-Type: application/x-ndjson\r\n\r\n${file}\r\n--${boundary}--\r\n`;
    const cases: Array<[string, string, string, string]> = [
      [
        'no boundary',
        'multipart/form-data',
        body('xyz'),
        'malformed multipart body: Multipart: Boundary not found',
      ],
      [
        'a wrong boundary',
        'multipart/form-data; boundary=other',
        body('xyz'),
        'malformed multipart body: Unexpected end of multipart data',
      ],
      [
        'a truncated body',
        'multipart/form-data; boundary=xyz',
        body('xyz').slice(0, 120),
        'malformed multipart body: Unexpected end of multipart data',
      ],
    ];
    for (const [what, contentType, payload, message] of cases) {
      it(what, async () => {
        for (const accept of ['application/json', 'application/x-ndjson']) {
          const res = await t.app.inject({
            method: 'POST',
            url: '/api/corpora?name=multipart',
            payload,
            headers: { 'content-type': contentType, accept },
          });
          const answer =
            accept === 'application/json'
              ? { statusCode: res.statusCode, body: res.json() }
              : JSON.parse(res.body.trimEnd().split('\n').at(-1) ?? '{}');
          expect(answer.statusCode, `${accept}: ${res.body}`).toBe(400);
          expect(answer.body).toMatchObject({ code: 'invalid_multipart', message });
        }
      });
    }
  });

  describe('malformed JSON documents: 422 at the offending character', () => {
    const cases: Array<[string, string]> = [
      [
        '[{"a":1}] garbage',
        'unexpected "g" at line 1, column 11 (character 11); expected the end of the document',
      ],
      [
        '[{"a":1}]}}}}',
        'unexpected "}" at line 1, column 10 (character 10); expected the end of the document',
      ],
      [
        '[{"a":1},]',
        'unexpected "]" at line 1, column 10 (character 10); expected a value (not a trailing comma)',
      ],
      ['[{"a":1} {"b":2}]', 'unexpected "{" at line 1, column 10 (character 10); expected "," or "]"'],
      [
        '{"hits":{"total":{"value":1},"hits":[{"_source":{"a":1}}]}}xyz',
        'unexpected "x" at line 1, column 60 (character 60); expected the end of the document',
      ],
    ];
    for (const [payload, message] of cases) {
      it(payload, async () => {
        const res = await upload(payload, '?name=json&skip_invalid=true');
        expect(res.statusCode).toBe(422);
        expect(res.json().message).toContain(`json: ${message}`);
      });
    }
  });

  it.skipIf(!hasEvtx)('an EVTX file with a corrupt record: 422 naming it and the records lost', async () => {
    const bytes = new Uint8Array(readFileSync(EVTX));
    const view = new DataView(bytes.buffer);
    let at = 0x1000 + 0x200;
    for (let i = 1; i < 5; i++) at += view.getUint32(at + 4, true);
    view.setUint32(at, 0, true); // record 5 loses its **\0\0 signature
    const res = await upload(Buffer.from(bytes), '?name=evtx');
    expect(res.statusCode).toBe(422);
    expect(res.json().report.errors).toEqual([
      {
        record: 5,
        reason: `evtx: chunk 1: record 5 (offset 0x${(at - 0x1000).toString(16)}) is corrupt; 2 records not read`,
      },
    ]);
  });

  it('refuses a permalink whose rule fields have the wrong types, naming the field', async () => {
    const post = (rule: Record<string, unknown>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/permalinks',
        payload: {
          snapshot: { v: 1, rule, query: 'any where true', corpus: null, options: {}, selection: {} },
        },
      });
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ name: { a: 1 } }, 'rule.name: expected a string, found a table'],
      [{ name: 'x', tags: 'str' }, 'rule.tags: expected an array of strings, found a string'],
      [{ name: 'x', note: 5 }, 'rule.note: expected a string, found a number'],
    ];
    for (const [rule, message] of cases) {
      const res = await post(rule);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'invalid_snapshot', message });
    }
    expect((await post({ name: 'x', tags: ['a'], note: '> quote' })).statusCode).toBe(201);
  });
});
