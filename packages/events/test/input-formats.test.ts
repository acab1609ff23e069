import { readFileSync } from 'node:fs';
import { gzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  type DetectedInput,
  type EventResult,
  formatPosition,
  getPath,
  InputError,
  type ReadEventsOptions,
  readEvents,
} from '../src/index.js';
import { readEventsNode, readEvtxStream } from '../src/node/index.js';
import { datasetPath, warnIfNoShared } from './support/datasets.js';

const encode = (text: string) => new TextEncoder().encode(text);

async function readAll(bytes: Uint8Array, options: ReadEventsOptions = {}, size = 4096) {
  const results: EventResult[] = [];
  const inputs: DetectedInput[] = [];
  const chunks = function* () {
    for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
  };
  for await (const r of readEventsNode(chunks(), { ...options, onInput: (i) => inputs.push(i) }))
    results.push(r);
  return { results, inputs };
}

const failure = async (bytes: Uint8Array, options: ReadEventsOptions = {}) => {
  try {
    await readAll(bytes, options);
  } catch (error) {
    return error instanceof InputError ? `InputError: ${error.message}` : `other: ${String(error)}`;
  }
  return 'no error';
};

describe('inputs that cannot be read as a whole are InputErrors, not silence', () => {
  it('binary garbage', async () => {
    const garbage = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919 + 13) % 256);
    expect(await failure(garbage)).toBe(
      'InputError: the input is not in a supported format: it does not start like JSON ("{" or "[") and is not a gzip, zip or EVTX file',
    );
  });

  it('a truncated gzip stream', async () => {
    const gz = gzipSync(encode('{"a":1}\n'.repeat(20_000)));
    expect(await failure(gz.subarray(0, gz.length - 8))).toBe(
      'InputError: gzip: the stream is corrupt or truncated (unexpected end of file)',
    );
  });

  it('a zip archive cut in the middle of a member, and an empty archive', async () => {
    const zip = zipSync({ 'a.ndjson': encode('{"a":1}\n'.repeat(20_000)) });
    expect(await failure(zip.subarray(0, zip.length >> 1))).toBe(
      'InputError: zip: archive is truncated or corrupt (invalid zip data)',
    );
    expect(await failure(zipSync({}))).toBe('InputError: zip: the archive holds no files');
  });

  it('a JSON document cut short, or invalid UTF-8 inside one', async () => {
    expect(await failure(encode('[{"a":1},\n{"b":'))).toBe(
      'InputError: json: the document ends before it is complete',
    );
    const bad = Buffer.concat([Buffer.from('[{"a":"'), Buffer.from([0xff]), Buffer.from('"}]')]);
    expect(await failure(bad, { format: 'json-array' })).toBe('InputError: json: invalid UTF-8 near byte 8');
  });

  it('a decompression bomb stops at the inflated limit', async () => {
    const gz = gzipSync(new Uint8Array(10_000_000).fill(0x20));
    expect(gz.length).toBeLessThan(20_000);
    expect(await failure(gz, { maxInflatedBytes: 1_000_000 })).toBe(
      'InputError: the decompressed input is larger than the limit of 1000000 bytes',
    );
  });
});

describe('JSON documents: bad elements are reported one by one', () => {
  it('an element nested too deep or too large is an error at its number; the others are read', async () => {
    const deep = `${'['.repeat(150)}${']'.repeat(150)}`;
    const big = JSON.stringify({ '@timestamp': '2024-01-01T00:00:00Z', pad: 'x'.repeat(5000) });
    const text = `[{"n":1}, ${deep}, ${big}, {"n":4}]`;
    const { results } = await readAll(encode(text), { maxLineBytes: 1000 }, 100);
    expect(results.map((r) => (r.kind === 'event' ? r.doc : [r.position.element, r.message]))).toEqual([
      { n: 1 },
      [2, 'nesting is deeper than 100 levels'],
      [3, 'element is longer than the limit of 1000 characters'],
      { n: 4 },
    ]);
  });
});

describe('encodings and sniffing', () => {
  it('reads UTF-16 JSON as written by Windows PowerShell', async () => {
    const text = JSON.stringify([{ '@timestamp': '2024-01-01T00:00:00Z', 'process.name': 'wördpad.exe' }]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const { results, inputs } = await readAll(utf16, {}, 3);
    expect(results).toEqual([
      {
        kind: 'event',
        position: { element: 1 },
        doc: { '@timestamp': '2024-01-01T00:00:00Z', 'process.name': 'wördpad.exe' },
      },
    ]);
    expect(inputs).toEqual([{ compression: 'none', format: 'json-array', encoding: 'utf-16le' }]);
  });

  it('NDJSON whose first line is broken is still NDJSON, with that line reported', async () => {
    const { results, inputs } = await readAll(encode('{oops\n{"a":1}\n{"b":2}\n'));
    expect(results.map((r) => [r.kind, r.position.line])).toEqual([
      ['error', 1],
      ['event', 2],
      ['event', 3],
    ]);
    expect(inputs[0]?.format).toBe('ndjson');
  });

  it('format overrides sniffing', async () => {
    const pretty = JSON.stringify({ a: 1 }, null, 2);
    const { results } = await readAll(encode(pretty), { format: 'ndjson' });
    expect(results.map((r) => [r.kind, r.position.line])).toEqual([
      ['error', 1],
      ['error', 2],
      ['error', 3],
    ]);
  });
});

describe('formatPosition', () => {
  it.each([
    [{ line: 3 }, 'line 3'],
    [{ file: 'a.ndjson', line: 3 }, 'a.ndjson:3'],
    [{ file: 'x.zip', entry: 'in/a.json', line: 12 }, 'x.zip › in/a.json:12'],
    [{ file: 'hits.json', element: 3 }, 'hits.json element 3'],
    [{ record: 5 }, 'record 5'],
    [{}, 'input'],
  ])('%j → %s', (position, text) => {
    expect(formatPosition(position)).toBe(text);
  });
});

const skip = warnIfNoShared('EVTX streaming over ../shared/datasets');
const PSEXEC =
  'mdecrevoisier-EVTX-to-MITRE-Attack/EVTX_full_APT_attack_steps/ID11,13,17,18-PSexec as system execution.evtx';

describe.skipIf(skip)('EVTX as a stream (real file: PsExec, 15 records)', () => {
  const file = () => readFileSync(datasetPath(PSEXEC));

  it('reads an EVTX member of a zip archive, and gzipped EVTX', async () => {
    const zipped = await readAll(zipSync({ 'logs/psexec.evtx': file() }));
    expect(zipped.results).toHaveLength(15);
    expect(zipped.results.every((r) => r.kind === 'event')).toBe(true);
    expect(zipped.results[14]?.position).toEqual({ entry: 'logs/psexec.evtx', record: 15 });
    expect(zipped.inputs).toEqual([
      { entry: 'logs/psexec.evtx', compression: 'zip', format: 'evtx', encoding: 'binary' },
    ]);
    const gz = await readAll(gzipSync(file()), {}, 1000);
    expect(gz.results).toHaveLength(15);
    const first = gz.results[0];
    expect(first?.kind === 'event' && getPath(first.doc, 'event.code')).toBe('1');
  });

  it('reports a truncated file after the records it could read', async () => {
    const cut = file().subarray(0, 4096 + 30_000);
    const results: unknown[] = [];
    for await (const r of readEvtxStream(
      (async function* () {
        yield cut;
      })(),
    ))
      results.push(r);
    expect(results).toEqual([
      { kind: 'error', index: 1, message: 'evtx: the file is truncated: chunk 1 of 1 is incomplete' },
    ]);
  });

  it('refuses a file whose header is damaged', async () => {
    const damaged = Uint8Array.from(file());
    damaged[50] = (damaged[50] ?? 0) ^ 0xff;
    expect(await failure(damaged)).toBe('InputError: evtx: the file header is corrupt (checksum mismatch)');
    expect(await failure(encode('ElfFile\u0000 too short'))).toBe(
      'InputError: evtx: the file is shorter than its 4 KiB header',
    );
  });

  it('reports a damaged chunk as an error instead of inventing records', async () => {
    const damaged = Uint8Array.from(file());
    damaged.fill(0, 4096, 4096 + 8); // the chunk's ElfChnk signature
    const { results } = await readAll(damaged);
    expect(results).toEqual([
      { kind: 'error', position: { record: 1 }, message: 'evtx: chunk 1 is corrupt (no ElfChnk signature)' },
    ]);
  });
});

describe('readEvents without the Node reader', () => {
  it('still reads everything but EVTX', async () => {
    const out: EventResult[] = [];
    for await (const r of readEvents([encode('{"a":1}\n')])) out.push(r);
    expect(out).toEqual([{ kind: 'event', position: { line: 1 }, doc: { a: 1 }, text: '{"a":1}' }]);
  });
});
