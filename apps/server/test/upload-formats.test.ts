import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_DIR } from '../src/config.js';
import { startTestApp, type TestApp } from './helpers.js';

const SHARED = process.env.RULEBENCH_SHARED ?? resolve(PACKAGE_DIR, '..', '..', '..', 'shared');
let present = true;
try {
  readFileSync(join(SHARED, 'datasets', 'README.md'));
} catch {
  present = false;
  console.warn(`SKIPPED upload formats on real files: ${SHARED} is absent (set RULEBENCH_SHARED)`);
}
const dataset = (relative: string) => readFileSync(join(SHARED, 'datasets', relative));
const XSL_ZIP =
  'OTRF-Security-Datasets/datasets/atomic/windows/defense_evasion/host/wmic_remote_xsl_jscript.zip';
const COMSVCS = 'sbousseaden-EVTX-ATTACK-SAMPLES/Credential Access/sysmon_10_1_memdump_comsvcs_minidump.evtx';
const PSEXEC =
  'mdecrevoisier-EVTX-to-MITRE-Attack/EVTX_full_APT_attack_steps/ID11,13,17,18-PSexec as system execution.evtx';

/** A multipart/form-data body, fields first, as a browser's FormData sends it. */
function multipart(parts: readonly ({ field: string; value: string } | { file: string; data: Buffer })[]) {
  const boundary = '----rulebench-test-boundary';
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const head =
      'field' in part
        ? `Content-Disposition: form-data; name="${part.field}"\r\n\r\n`
        : `Content-Disposition: form-data; name="files"; filename="${part.file}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
    chunks.push(
      Buffer.from(`--${boundary}\r\n${head}`),
      'field' in part ? Buffer.from(part.value) : part.data,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe.skipIf(!present)('uploading every supported format (real files from ../shared/datasets)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const post = (
    url: string,
    payload: Buffer | string,
    contentType = 'application/octet-stream',
    accept?: string,
  ) =>
    t.app.inject({
      method: 'POST',
      url,
      payload,
      headers: { 'content-type': contentType, ...(accept && { accept }) },
    });

  it('a Security-Datasets zip as the raw body: sniffed, mapped to ECS, one corpus', async () => {
    const res = await post('/api/corpora?name=xsl&filename=wmic_remote_xsl_jscript.zip', dataset(XSL_ZIP));
    expect(res.statusCode).toBe(201);
    const { corpus, report } = res.json();
    expect(report).toEqual({
      read: 1364,
      imported: 1364,
      rejected: 0,
      withoutTimestamp: 0,
      errors: [],
      errorsTruncated: false,
      inputs: [
        {
          entry: 'wmic_remote_xsl_jscript_2020-10-1802171958.json',
          compression: 'zip',
          format: 'ndjson',
          encoding: 'utf-8',
        },
      ],
    });
    expect(corpus).toMatchObject({ id: 'xsl', eventCount: 1364, origin: 'wmic_remote_xsl_jscript.zip' });
    const page = (
      await t.app.inject({ method: 'GET', url: '/api/corpora/xsl/events?q=wmiutils.dll&limit=1' })
    ).json();
    expect(page.events[0]._source).toMatchObject({
      event: { code: '7', category: ['process', 'library'] },
      host: { os: { type: 'windows' } },
      dll: { name: 'wmiutils.dll' },
    });
  });

  it('an EVTX file as the raw body, with the progress stream', async () => {
    const res = await post(
      '/api/corpora?name=comsvcs',
      dataset(COMSVCS),
      'application/octet-stream',
      'application/x-ndjson',
    );
    expect(res.statusCode).toBe(200);
    const lines = res.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const result = lines.at(-1);
    expect(result).toMatchObject({
      type: 'result',
      statusCode: 201,
      body: { corpus: { id: 'comsvcs', eventCount: 6 } },
    });
    expect(result.body.report.inputs).toEqual([{ compression: 'none', format: 'evtx', encoding: 'binary' }]);
    const search = await t.app.inject({
      method: 'POST',
      url: '/api/es/comsvcs/_eql/search',
      payload: { query: 'process where process.name : "rundll32.exe" and process.args : "MiniDump"' },
    });
    expect(search.json().hits.total.value).toBe(1);
  });

  it('several files in one multipart upload make one corpus; fields before the files apply', async () => {
    const ndjson = Buffer.from(
      `${JSON.stringify({ '@timestamp': '2024-01-01T00:00:00Z', n: 1 })}\n{broken\n`,
    );
    const { payload, contentType } = multipart([
      { field: 'name', value: 'Lab day' },
      { field: 'skip_invalid', value: 'true' },
      { file: 'psexec.evtx', data: dataset(PSEXEC) },
      { file: 'extra.ndjson.gz', data: gzipSync(ndjson) },
    ]);
    const res = await post('/api/corpora', payload, contentType);
    expect(res.statusCode).toBe(201);
    const { corpus, report } = res.json();
    expect(corpus).toMatchObject({
      id: 'lab-day',
      name: 'Lab day',
      origin: 'psexec.evtx, extra.ndjson.gz',
      eventCount: 16,
    });
    expect(report).toMatchObject({ read: 17, imported: 16, rejected: 1 });
    expect(report.errors).toEqual([
      { file: 'extra.ndjson.gz', line: 2, reason: expect.stringMatching(/^invalid JSON: /) },
    ]);
    expect(report.inputs).toEqual([
      { file: 'psexec.evtx', compression: 'none', format: 'evtx', encoding: 'binary' },
      { file: 'extra.ndjson.gz', compression: 'gzip', format: 'ndjson', encoding: 'utf-8' },
    ]);
  });

  it('refuses a form field sent after a file, storing nothing', async () => {
    const { payload, contentType } = multipart([
      { file: 'a.ndjson', data: Buffer.from('{"a":1}\n') },
      { field: 'name', value: 'late' },
    ]);
    const before = (await t.app.inject({ method: 'GET', url: '/api/corpora' })).json();
    const res = await post('/api/corpora', payload, contentType);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code: 'invalid_parameter',
      message: 'form field "name" comes after a file; send fields before the files',
    });
    expect((await t.app.inject({ method: 'GET', url: '/api/corpora' })).json()).toEqual(before);
  });

  it('?format= overrides sniffing', async () => {
    const pretty = JSON.stringify({ '@timestamp': '2024-01-01T00:00:00Z', a: 1 }, null, 2);
    const asJson = await post('/api/corpora?name=pretty', pretty);
    expect(asJson.statusCode).toBe(201);
    expect(asJson.json().report.inputs[0].format).toBe('json');
    const asLines = await post('/api/corpora?name=pretty-lines&format=ndjson', pretty);
    expect(asLines.statusCode).toBe(422);
    expect(asLines.json().report.errors.map((e: { line: number }) => e.line)).toEqual([1, 2, 3, 4]);
    const unknown = await post('/api/corpora?name=x&format=csv', pretty);
    expect(unknown.statusCode).toBe(400);
  });
});
