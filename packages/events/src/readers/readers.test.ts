import { gzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { gunzipChunks } from './gzip.js';
import { readJsonLines } from './json-lines.js';
import { readTextLines } from './text-lines.js';
import { readZipEntries } from './zip.js';

const encode = (text: string) => new TextEncoder().encode(text);

/** Splits bytes into chunks of `size`, to cross every boundary a stream can cut. */
function* chunked(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('readTextLines', () => {
  it('numbers LF and CRLF lines, drops a BOM, keeps the last line without newline', async () => {
    const lines = await collect(readTextLines([encode('\uFEFFa\r\nb\n\nc')]));
    expect(lines).toEqual([
      { line: 1, text: 'a' },
      { line: 2, text: 'b' },
      { line: 3, text: '' },
      { line: 4, text: 'c' },
    ]);
  });

  it('decodes multi-byte characters split across chunks', async () => {
    const lines = await collect(readTextLines(chunked(encode('Microsoft® Windows®\nx\n'), 1)));
    expect(lines.map((l) => ('text' in l ? l.text : l.error))).toEqual(['Microsoft® Windows®', 'x']);
  });
});

describe('readJsonLines', () => {
  it('reports a malformed line with its number and still reads the next ones', async () => {
    const text = '{"a":1}\n\n{"b":\n{"c":3}\n';
    const results = await collect(readJsonLines(chunked(encode(text), 3)));
    expect(results).toHaveLength(3);
    expect(results[0]).toEqual({ kind: 'record', line: 1, value: { a: 1 }, text: '{"a":1}' });
    expect(results[1]).toMatchObject({ kind: 'error', line: 3, text: '{"b":' });
    expect(results[2]).toEqual({ kind: 'record', line: 4, value: { c: 3 }, text: '{"c":3}' });
  });
});

describe('readZipEntries', () => {
  const zip = zipSync({
    'dir/': new Uint8Array(0),
    'dir/one.json': encode('{"n":1}\n{"n":2}\n'),
    'two.txt': encode('second'),
    'three.json': encode('{"n":3}'),
  });

  it('streams each member in order, whatever the chunk size', async () => {
    for (const size of [1, 7, 4096]) {
      const seen: [string, string][] = [];
      for await (const entry of readZipEntries(chunked(zip, size))) {
        const parts = await collect(entry.chunks);
        seen.push([entry.name, new TextDecoder().decode(Buffer.concat(parts))]);
      }
      expect(seen).toEqual([
        ['dir/one.json', '{"n":1}\n{"n":2}\n'],
        ['two.txt', 'second'],
        ['three.json', '{"n":3}'],
      ]);
    }
  });

  it('skips members the reader does not consume', async () => {
    const names: string[] = [];
    let third = '';
    for await (const entry of readZipEntries(chunked(zip, 5))) {
      names.push(entry.name);
      if (entry.name === 'three.json')
        third = new TextDecoder().decode(Buffer.concat(await collect(entry.chunks)));
    }
    expect(names).toEqual(['dir/one.json', 'two.txt', 'three.json']);
    expect(third).toBe('{"n":3}');
  });

  const readAll = async (bytes: Uint8Array) => {
    for await (const entry of readZipEntries(chunked(bytes, 16))) await collect(entry.chunks);
  };

  it('rejects input that is not a zip archive instead of yielding nothing', async () => {
    await expect(readAll(encode('{"not":"a zip"}\n'))).rejects.toThrow('zip: not a zip archive');
    await expect(readAll(new Uint8Array(0))).rejects.toThrow('zip: not a zip archive');
  });

  it('rejects an archive cut off inside a member', async () => {
    const big = zipSync({ 'a.json': encode('{"n":1}\n'.repeat(5000)) });
    await expect(readAll(big.subarray(0, Math.floor(big.length / 2)))).rejects.toThrow(
      /^zip: archive is truncated/,
    );
  });
});

describe('gunzipChunks', () => {
  it('inflates a gzip stream fed in small chunks', async () => {
    const text = '{"a":1}\n'.repeat(1000);
    const parts = await collect(gunzipChunks(chunked(gzipSync(encode(text)), 13)));
    expect(new TextDecoder().decode(Buffer.concat(parts))).toBe(text);
  });
});
