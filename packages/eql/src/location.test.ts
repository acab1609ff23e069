import { describe, expect, it } from 'vitest';
import { getLocation, getOffset, printCodeFrame } from './location.js';

describe('getLocation', () => {
  it('counts 1-based lines and columns across \\n, \\r\\n and \\r', () => {
    const source = 'ab\ncd\r\nef\rgh';
    expect(getLocation(source, 0)).toEqual({ line: 1, column: 1 });
    expect(getLocation(source, 2)).toEqual({ line: 1, column: 3 });
    expect(getLocation(source, 3)).toEqual({ line: 2, column: 1 });
    expect(getLocation(source, 7)).toEqual({ line: 3, column: 1 });
    expect(getLocation(source, 10)).toEqual({ line: 4, column: 1 });
    expect(getLocation(source, 99)).toEqual({ line: 4, column: 3 });
  });

  it('is inverted by getOffset', () => {
    const source = 'ab\ncd\r\nef\rgh\n\n\r\rij';
    for (let offset = 0; offset <= source.length; offset += 1) {
      if (source[offset - 1] === '\r' && source[offset] === '\n') continue;
      expect(getOffset(source, getLocation(source, offset))).toBe(offset);
    }
  });
});

describe('printCodeFrame', () => {
  it('shows the previous line and a caret under the range', () => {
    expect(printCodeFrame('process where\n  a = 1 and b', { start: 18, end: 19 })).toBe(
      ['1 | process where', '2 |   a = 1 and b', '  |     ^'].join('\n'),
    );
  });

  it('underlines the whole range on its first line', () => {
    expect(printCodeFrame('any where foo(1)', { start: 10, end: 13 })).toBe(
      ['1 | any where foo(1)', `  | ${' '.repeat(10)}^^^`].join('\n'),
    );
  });

  it('keeps tabs so the caret lines up', () => {
    expect(printCodeFrame('\tx = 1', { start: 3, end: 4 })).toBe(['1 | \tx = 1', '  | \t  ^'].join('\n'));
  });

  it('pads the gutter for wide line numbers and points past the end at end of input', () => {
    const source = `${'\n'.repeat(9)}any where`;
    expect(printCodeFrame(source, { start: source.length, end: source.length })).toBe(
      [' 9 |', '10 | any where', '   |          ^'].join('\n'),
    );
  });
});
