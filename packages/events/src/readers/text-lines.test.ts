import { describe, expect, it } from 'vitest';
import { readJsonLines } from './json-lines.js';
import { readTextLines, type TextLine } from './text-lines.js';
import { firstInvalidUtf8 } from './utf8.js';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

function* chunked(data: Uint8Array, size: number): Generator<Uint8Array> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

async function lines(data: Uint8Array, size: number, maxLineBytes?: number): Promise<TextLine[]> {
  const out: TextLine[] = [];
  const options = maxLineBytes === undefined ? {} : { maxLineBytes };
  for await (const l of readTextLines(chunked(data, size), options)) out.push(l);
  return out;
}

describe('readTextLines: invalid UTF-8 and long lines are errors of their own line', () => {
  const data = bytes('a\n', 'b', [0xff], 'c\r\n', 'é\n', [0xe2, 0x82], '\n', 'last');

  it.each([1, 2, 3, 5, 4096])('whatever the chunk size (%i)', async (size) => {
    expect(await lines(data, size)).toEqual([
      { line: 1, text: 'a' },
      { line: 2, error: 'invalid UTF-8 at byte 2 of the line (0xff)' },
      { line: 3, text: 'é' },
      { line: 4, error: 'invalid UTF-8 at byte 1 of the line (0xe2)' },
      { line: 5, text: 'last' },
    ]);
  });

  it('reports a line over the limit without keeping it, and reads on', async () => {
    const long = bytes('ok\n', 'x'.repeat(40), '\n', 'y'.repeat(10), '\n', 'z'.repeat(33));
    for (const size of [1, 7, 1000]) {
      expect(await lines(long, size, 32)).toEqual([
        { line: 1, text: 'ok' },
        { line: 2, error: 'line is longer than the limit of 32 bytes' },
        { line: 3, text: 'yyyyyyyyyy' },
        { line: 4, error: 'line is longer than the limit of 32 bytes' },
      ]);
    }
  });

  it('checks the limit inside one large chunk too', async () => {
    const data2 = bytes('a\n', 'b'.repeat(100), '\nc\n', 'd');
    expect(await lines(data2, 1_000_000, 50)).toEqual([
      { line: 1, text: 'a' },
      { line: 2, error: 'line is longer than the limit of 50 bytes' },
      { line: 3, text: 'c' },
      { line: 4, text: 'd' },
    ]);
  });

  it('drops the byte-order mark of the first line only', async () => {
    expect(await lines(bytes([0xef, 0xbb, 0xbf], 'x\n', [0xef, 0xbb, 0xbf], 'y'), 2)).toEqual([
      { line: 1, text: 'x' },
      { line: 2, text: '\uFEFFy' },
    ]);
  });
});

describe('readJsonLines', () => {
  it('reports invalid JSON, invalid UTF-8 and nesting bombs at their lines', async () => {
    const bomb = `${'['.repeat(101)}${']'.repeat(101)}`;
    const fine = `${'['.repeat(100)}${']'.repeat(100)}`;
    const data = bytes(
      '{"a":1}\n',
      '{"b":',
      [0xc3, 0x28],
      '"}\n',
      `${bomb}\n`,
      `${fine}\n`,
      '{"s":"[[[[[[[[[["}\n',
      '{x\n',
    );
    const out = [];
    for await (const r of readJsonLines(chunked(data, 5))) out.push(r);
    expect(out.map((r) => (r.kind === 'record' ? [r.line, 'record'] : [r.line, r.message]))).toEqual([
      [1, 'record'],
      [2, 'invalid UTF-8 at byte 6 of the line (0xc3)'],
      [3, 'nesting is deeper than 100 levels'],
      [4, 'record'],
      [5, 'record'],
      [6, expect.stringMatching(/^invalid JSON: /)],
    ]);
  });
});

describe('firstInvalidUtf8', () => {
  it.each([
    [[0x41, 0xc3, 0xa9], -1],
    [[0xc0, 0x80], 0], // overlong
    [[0xed, 0xa0, 0x80], 0], // surrogate
    [[0xf4, 0x90, 0x80, 0x80], 0], // above U+10FFFF
    [[0x41, 0xf0, 0x9f, 0x98], 1], // cut short
    [[0x41, 0x80], 1],
  ])('%j → %i', (input, expected) => {
    expect(firstInvalidUtf8(Uint8Array.from(input))).toBe(expected);
  });

  it('accepts a sequence cut by the end of a prefix when asked to', () => {
    expect(firstInvalidUtf8(Uint8Array.from([0x41, 0xf0, 0x9f, 0x98]), true)).toBe(-1);
  });
});
