import { describe, expect, it } from 'vitest';
import { compileLuceneRegex, RegexSyntaxError, validateLuceneRegex } from './index.js';

function matches(pattern: string, text: string, caseInsensitive = false): boolean {
  return compileLuceneRegex(pattern, { caseInsensitive })(text);
}

describe('Lucene regular expressions', () => {
  const cases: Array<[string, string, boolean]> = [
    ['abc', 'abc', true],
    ['abc', 'abcd', false], // anchored: the whole string must match
    ['a.c', 'a€c', true], // `.` is one code point
    ['a.c', 'a😀c', true],
    ['ab*c', 'ac', true],
    ['ab+c', 'ac', false],
    ['ab?c', 'abc', true],
    ['a{2,3}', 'aaa', true],
    ['a{2,3}', 'aaaa', false],
    ['a{2}', 'aa', true],
    ['a{2,}', 'aaaaaa', true],
    ['a|b|cd', 'cd', true],
    ['(ab)+', 'ababab', true],
    ['[a-c]+', 'abccba', true],
    ['[^a-c]', 'd', true],
    ['[^a-c]', 'a', false],
    ['\\d+', '12345', true],
    ['\\d', 'a', false],
    ['\\D\\s\\w\\W', 'x a!', true],
    ['\\s', '\f', false], // \s is [\t\n\r ] only
    ['[\\d.]+', '1.5', true],
    ['a\\.b', 'a.b', true],
    ['a\\.b', 'axb', false],
    ['\\\\', '\\', true],
    ['"a.b"', 'a.b', true],
    ['"a.b"', 'axb', false],
    ['()', '', true],
    ['a()b', 'ab', true],
    ['@', 'anything at all', true],
    ['#', '', false],
    ['a@', 'abc', true],
    ['<1-10>', '7', true],
    ['<1-10>', '007', true], // bounds of unequal width: any leading zeros
    ['<1-10>', '11', false],
    ['<01-10>', '07', true],
    ['<01-10>', '7', false], // equal widths: exactly that many digits
    ['<10-1>', '5', true], // reversed bounds are swapped
    ['file<1-3>\\.log', 'file2.log', true],
    ['.*foo.*&.*bar.*', 'xfooybarz', true],
    ['.*foo.*&.*bar.*', 'xfooz', false],
    ['~(.*foo.*)', 'bar', true],
    ['~(.*foo.*)', 'afoob', false],
    ['*a', '*a', true], // a leading `*` is a literal, as in Lucene
    ['a**', 'aaa', true],
    ['{2}', '{2}', true],
  ];
  for (const [pattern, text, expected] of cases) {
    it(`${pattern} ${expected ? 'matches' : 'does not match'} ${JSON.stringify(text)}`, () => {
      expect(matches(pattern, text)).toBe(expected);
    });
  }

  it('folds ASCII case only for regex~, and not inside ranges', () => {
    expect(matches('abc', 'ABC', true)).toBe(true);
    expect(matches('[a]', 'A', true)).toBe(true);
    expect(matches('[a-c]', 'B', true)).toBe(false);
    expect(matches('é', 'É', true)).toBe(false);
    expect(matches('abc', 'ABC')).toBe(false);
  });

  it('runs in linear time: (a+)+b against 100 000 a’s', () => {
    const text = 'a'.repeat(100_000);
    expect(matches('(a+)+b', text)).toBe(false);
    expect(matches('(a+)+b', `${text}b`)).toBe(true);
    expect(matches('(a|aa)*c', text)).toBe(false);
    expect(matches('(.*a){20}', text)).toBe(true);
  });

  it('rejects repeats that expand past the position limit before matching anything', () => {
    const tooBig = ['(a{1,100}){1,100}b', 'x{0,9999}', '(ab{1,50}){1,40}'];
    for (const pattern of tooBig) {
      expect(validateLuceneRegex(pattern)?.message, pattern).toMatch(/^regular expression is too complex/);
    }
    // Nested repeats under the limit still match, and stay fast once their states exist.
    expect(matches('(a{1,20}){1,20}b', `${'a'.repeat(50)}b`)).toBe(true);
    expect(matches('(a{1,20}){1,20}b', `${'a'.repeat(401)}b`)).toBe(false);
    expect(validateLuceneRegex('[a-z0-9-]{1,63}(\\.[a-z0-9-]{1,63}){0,7}')).toBeNull();
  });

  it('rejects invalid patterns with their position', () => {
    const invalid: Array<[string, string, number]> = [
      ['\\p', 'invalid character class \\p', 1],
      ['[a-', 'unexpected end-of-string', 3],
      ['(ab', "expected ')' at position 3", 3],
      ['ab)', 'end-of-string expected at position 2', 2],
      ['a{x}', 'integer expected at position 2', 2],
      ['a{3,2}', 'invalid repetition range(out of order): 3..2', 6],
      ['[z-a]', 'invalid range: from (122) cannot be > to (97)', 4],
      ['<a-b>', 'interval syntax error at position 4', 4],
      ['<abc>', 'interval syntax error at position 4', 4],
      ['a|', 'unexpected end-of-string', 2],
    ];
    for (const [pattern, message, position] of invalid) {
      const error = validateLuceneRegex(pattern);
      expect(error).toBeInstanceOf(RegexSyntaxError);
      expect({ pattern, message: error?.message, position: error?.position }).toEqual({
        pattern,
        message,
        position,
      });
    }
    expect(validateLuceneRegex('[a-z]+\\d')).toBeNull();
  });
});
