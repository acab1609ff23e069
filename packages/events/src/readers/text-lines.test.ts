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

describe('readTextLines: long lines decoded alone, short ones together', () => {
  /** Deterministic pseudo-random numbers (a linear congruential generator), for repeatable cases. */
  function random(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
      return state / 2 ** 31;
    };
  }

  /** Lines of every kind the splitter tells apart, as bytes, with what each must read as. */
  function mixedLines(seed: number): { data: Uint8Array; expected: TextLine[] } {
    const next = random(seed);
    const pieces = ['x', '{"a":1}', 'é', '®', '✓', '𝒳', ' '];
    const parts: (string | number[])[] = [];
    const expected: TextLine[] = [];
    for (let line = 1; line <= 150; line++) {
      // Lengths on both sides of the 256-byte threshold, and empty lines.
      const length = [0, 3, 40, 255, 256, 257, 900, 3000][Math.floor(next() * 8)] as number;
      let text = '';
      for (let size = 0; size < length; ) {
        const piece = pieces[Math.floor(next() * pieces.length)] as string;
        text += piece;
        size += Buffer.byteLength(piece);
      }
      const crlf = next() < 0.2;
      if (next() < 0.05) {
        parts.push(text, [0xff], `${text}${crlf ? '\r' : ''}\n`);
        const at = Buffer.byteLength(text) + 1;
        expected.push({ line, error: `invalid UTF-8 at byte ${at} of the line (0xff)` });
      } else {
        parts.push(`${text}${crlf ? '\r' : ''}\n`);
        expected.push({ line, text });
      }
    }
    return { data: bytes(...parts), expected };
  }

  const cases = [1, 2, 3].map(mixedLines);

  it.each([1, 7, 255, 4096, 65_536, 10_000_000])('whatever the chunk size (%i)', async (size) => {
    for (const { data, expected } of cases) expect(await lines(data, size)).toEqual(expected);
  });

  it('keeps a long line of Latin-1 text apart from a two-byte line next to it', async () => {
    const latin = `{"m":"${'é'.repeat(300)}"}`;
    const wide = `{"m":"${'✓'.repeat(300)}"}`;
    expect(await lines(bytes(`${latin}\n${wide}\nshort\n${latin}`), 1 << 20)).toEqual([
      { line: 1, text: latin },
      { line: 2, text: wide },
      { line: 3, text: 'short' },
      { line: 4, text: latin },
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

  it('gives each record its JSON text without the white space around it', async () => {
    const data = bytes('  {"a": 1} \t\r\n', '\u00a0\n', ' \n', '{"b":2}\n', '\u00a0{"c":3}\n');
    const out = [];
    for await (const r of readJsonLines(chunked(data, 3))) out.push(r);
    expect(out).toEqual([
      { kind: 'record', line: 1, value: { a: 1 }, text: '{"a": 1}' },
      // Lines of white space of any kind are blank; other white space is JSON's to refuse.
      { kind: 'record', line: 4, value: { b: 2 }, text: '{"b":2}' },
      {
        kind: 'error',
        line: 5,
        column: 1,
        message: expect.stringMatching(/^invalid JSON: /),
        text: '\u00a0{"c":3}',
      },
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
