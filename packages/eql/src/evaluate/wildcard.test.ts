import { describe, expect, it } from 'vitest';
import { asciiLower } from './case-fold.js';
import { caseFoldedMember, compileWildcards, wildcardMatch } from './wildcard.js';

describe('wildcardMatch', () => {
  const cases: Array<[string, string, boolean]> = [
    ['abc', 'abc', true],
    ['abc', 'a*', true],
    ['abc', '*c', true],
    ['abc', '*b*', true],
    ['abc', 'a?c', true],
    ['abc', 'a?', false],
    ['a\\b', 'a\\*', true], // backslash is literal
    ['', '*', true],
    ['', '?', false],
    ['x😀y', 'x?y', true], // `?` is one code point
    ['aaaaaaaaaaaaaaaaaaaaaaaaaaaaab', '*a*a*a*a*a*c', false],
  ];
  for (const [value, pattern, expected] of cases) {
    it(`${JSON.stringify(pattern)} on ${JSON.stringify(value)} is ${expected}`, () => {
      expect(wildcardMatch(value, pattern)).toBe(expected);
    });
  }
});

describe('compileWildcards', () => {
  it('matches any of exact, prefix, suffix, contains and general patterns', () => {
    const sensitive = compileWildcards(['exact', 'pre*', '*suf', '*mid*', 'g?n*l'], false);
    expect(['exact', 'prefix', 'the suf', 'a mid b', 'general', 'EXACT', 'nothing'].map(sensitive)).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  it('folds case for `:`, also for special characters in needles', () => {
    const insensitive = compileWildcards(['EXACT', 'C:\\Windows\\*', '*.EXE', '*(x86)*', 'g?N*l'], true);
    expect(
      [
        'exact',
        'c:\\windows\\system32',
        'A.exe',
        'Program Files (X86)\\x',
        'GENERAL',
        'c:\\windowsx',
        'nothing',
      ].map(insensitive),
    ).toEqual([true, true, true, true, true, false, false]);
  });

  it('folds ASCII letters only, as case-insensitive wildcard queries do', () => {
    // AutomatonQueries.toCaseInsensitiveChar folds code points <= 128 only (elastic/elasticsearch#153513, #95120).
    const insensitive = compileWildcards(['*ÉTÉ*'], true);
    expect([insensitive('UN ÉTÉ CHAUD'), insensitive('un été chaud'), insensitive('hiver')]).toEqual([
      true,
      false,
      false,
    ]);
    // The Kelvin sign lower-cases to "k" in Unicode, but is not an ASCII letter.
    expect(compileWildcards(['kernel*'], true)('\u212Aernel32.dll')).toBe(false);
  });

  it('gives the same answer on repeated values (memo)', () => {
    const insensitive = compileWildcards(['winword.exe'], true);
    expect([insensitive('WINWORD.EXE'), insensitive('WINWORD.EXE'), insensitive('winword.exe2')]).toEqual([
      true,
      true,
      false,
    ]);
  });
});

describe('compileWildcards, one matcher per combination of pattern kinds', () => {
  // The reference: a value matches when some pattern matches it whole (ASCII-folded for `:`).
  const reference = (patterns: readonly string[], caseInsensitive: boolean) => (value: string) =>
    patterns.some((pattern) =>
      caseInsensitive ? wildcardMatch(asciiLower(value), asciiLower(pattern)) : wildcardMatch(value, pattern),
    );
  const lists = [
    [],
    ['exact'],
    ['pre*'],
    ['pre*', 'other*'],
    ['*suf', 'exact'],
    ['*mid*', '*MID2*', 'pre*'],
    ['exact', 'pre*', '*suf', '*mid*', 'g?n*l'],
    ['g?n*l', '*ÉTÉ*'],
    ['x', '*Été', 'ÉT*'],
  ];
  const values = [
    'exact',
    'EXACT',
    'prefix',
    'other',
    'a suf',
    'SUF',
    'a mid b',
    'a MID2 b',
    'general',
    'GEN_L',
  ];
  values.push('un été', 'ÉTÉ', 'étés', 'x', 'X', '', 'nothing');
  for (const patterns of lists) {
    for (const caseInsensitive of [false, true]) {
      it(`${JSON.stringify(patterns)}${caseInsensitive ? ', case-insensitive' : ''}`, () => {
        const matcher = compileWildcards(patterns, caseInsensitive);
        expect(values.map(matcher)).toEqual(values.map(reference(patterns, caseInsensitive)));
      });
    }
  }

  it('matches the expected values on a mixed case-insensitive list', () => {
    const matcher = compileWildcards(['winword.exe', '*-ENC*', 'C:\\Windows\\*', 'g?n'], true);
    const tested = ['WINWORD.EXE', 'x -enc y', 'c:\\windows\\x', 'GEN', 'gen2', 'excel.exe'];
    expect(tested.map(matcher)).toEqual([true, true, true, true, false, false]);
  });
});

describe('caseFoldedMember', () => {
  it('matches exactly what ASCII-folding each value would, whatever the pre-filter skips', () => {
    const members = new Set(['winword.exe', 'kernel32.dll', 'i\u0307x', '\u0130x', '']);
    const member = caseFoldedMember(members);
    const values = ['WINWORD.EXE', 'WinWord.exe', 'winword.exe', 'winword.ex', 'xinword.exe', 'WINWORD.EXE2'];
    values.push('\u212Aernel32.dll', 'KERNEL32.DLL', '\u0130X', 'IX', 'I\u0307X', '', ' ');
    expect(values.map(member)).toEqual(values.map((value) => members.has(asciiLower(value))));
    // Only ASCII letters fold (AutomatonQueries.toCaseInsensitiveChar, elastic/elasticsearch#153513):
    // the Kelvin sign is not "k", and "İ" is neither "I" nor "i" + combining dot.
    expect(values.map(member)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
      false,
      true,
      true,
      false,
      true,
      true,
      false,
    ]);
  });
});
