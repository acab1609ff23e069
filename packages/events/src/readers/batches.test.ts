import { describe, expect, it } from 'vitest';
import { readJsonLineBatches } from './json-lines.js';
import { readJsonArrayElementBatches } from './json-stream.js';
import { readTextLineBatches } from './text-lines.js';

const encode = (text: string) => new TextEncoder().encode(text);

async function collect<T>(batches: AsyncIterable<T[]>): Promise<T[][]> {
  const out: T[][] = [];
  for await (const batch of batches) out.push(batch);
  return out;
}

describe('readTextLineBatches: one array per chunk', () => {
  it('gives each chunk the lines it completes, a split line with the chunk holding its end', async () => {
    const chunks = [encode('a\nb\nc'), encode('d\ne\n'), encode('f'), encode('g\nh')];
    expect(await collect(readTextLineBatches(chunks))).toEqual([
      [
        { line: 1, text: 'a' },
        { line: 2, text: 'b' },
      ],
      [
        { line: 3, text: 'cd' },
        { line: 4, text: 'e' },
      ],
      // "f" alone completes nothing: no batch for it.
      [{ line: 5, text: 'fg' }],
      [{ line: 6, text: 'h' }],
    ]);
  });

  it('keeps an invalid line in place, between the good ones of its batch', async () => {
    const chunks = [Uint8Array.from([...encode('x\n'), 0xff, ...encode('\ny\n')])];
    expect(await collect(readTextLineBatches(chunks))).toEqual([
      [
        { line: 1, text: 'x' },
        { line: 2, error: 'invalid UTF-8 at byte 1 of the line (0xff)' },
        { line: 3, text: 'y' },
      ],
    ]);
  });

  it('counts a run of blank lines (skipped) and yields nothing for a chunk of them alone', async () => {
    const chunks = [encode('a\n\n\n'), encode('\n \r\n\n'), encode('b\n')];
    expect(await collect(readTextLineBatches(chunks, { skipBlank: true }))).toEqual([
      [{ line: 1, text: 'a' }],
      [{ line: 7, text: 'b' }],
    ]);
  });
});

describe('readJsonLineBatches', () => {
  it('parses a chunk at a time, bad records in order in the middle of their batch', async () => {
    const chunks = [encode('{"a":1}\n{nope\n[1]\n{"b"'), encode(':2}\n\n{"c":3}')];
    const batches = await collect(readJsonLineBatches(chunks));
    expect(batches.map((b) => b.map((r) => [r.line, r.kind]))).toEqual([
      [
        [1, 'record'],
        [2, 'error'],
        [3, 'record'],
      ],
      [[4, 'record']],
      // The last line has no LF: it is complete only once the input ends.
      [[6, 'record']],
    ]);
    expect(batches[1]?.[0]).toEqual({ kind: 'record', line: 4, value: { b: 2 }, text: '{"b":2}' });
    expect(batches[0]?.[1]).toMatchObject({ kind: 'error', line: 2, text: '{nope' });
  });

  it('reports a line over the limit where it was, across chunks', async () => {
    const chunks = [encode('{"a":1}\n{"long":"'), encode(`${'x'.repeat(40)}"}\n{"b":2}\n`)];
    const batches = await collect(readJsonLineBatches(chunks, { maxLineBytes: 32 }));
    expect(batches).toEqual([
      [{ kind: 'record', line: 1, value: { a: 1 }, text: '{"a":1}' }],
      [
        { kind: 'error', line: 2, message: 'line is longer than the limit of 32 bytes', text: '' },
        { kind: 'record', line: 3, value: { b: 2 }, text: '{"b":2}' },
      ],
    ]);
  });
});

describe('readJsonArrayElementBatches', () => {
  it('gives each chunk the elements it completes', async () => {
    const chunks = [encode('[{"a":1},{"b"'), encode(':2},{"c":3}]')];
    const batches = await collect(readJsonArrayElementBatches(chunks, [[]]));
    expect(batches.map((b) => b.map((r) => (r.kind === 'record' ? r.value : r.message)))).toEqual([
      [{ a: 1 }],
      [{ b: 2 }, { c: 3 }],
    ]);
  });

  it('hands over the elements before a fault in the document, then throws', async () => {
    const seen: unknown[] = [];
    const read = async () => {
      for await (const batch of readJsonArrayElementBatches([encode('[{"a":1},{"b":2} x')], [[]]))
        for (const r of batch) seen.push(r.kind === 'record' ? r.value : r.message);
    };
    await expect(read()).rejects.toThrow(/unexpected "x"/);
    expect(seen).toEqual([{ a: 1 }, { b: 2 }]);
  });
});
