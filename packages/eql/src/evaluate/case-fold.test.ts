/**
 * How `:`, `in~` and the `~` forms ignore case: ASCII letters only as an index query over a
 * field, Java's `compareToIgnoreCase` for a literal pattern in a script, Java's
 * `toLowerCase(Locale.ROOT)` inside the string functions. Every case runs through every
 * evaluation path (generated code, closures, executors, explain).
 */

import { describe, expect, it } from 'vitest';
import { everyPathCases as cases } from '../../test/differential/every-path-cases.js';
import { asciiLower, javaEqualsIgnoreCase } from './case-fold.js';

const kelvin = { f: '\u212Aernel32.dll' };
const ecole = { f: 'École.EXE' };
const sigma = { f: 'ΑΣ' };
const dotted = { f: 'İstanbul' };

describe('case-insensitive index queries over a field fold ASCII letters only', () => {
  // AutomatonQueries.toCaseInsensitiveChar returns code points > 128 unchanged: elastic/elasticsearch#153513
  // (which moved a later 9.x to Unicode folding) and #95120 describe the ASCII-only folding of 8.x and 9.x.
  cases([
    ['f : "kernel32.dll"', kelvin, false],
    ['f : "KERNEL32.DLL"', kelvin, false],
    ['f : "kernel*"', kelvin, false],
    ['f in~ ("kernel32.dll")', kelvin, false],
    ['f like~ "kernel*"', kelvin, false],
    ['startsWith~(f, "kernel")', kelvin, false],
    ['f : "école.exe"', ecole, false],
    ['f : "École.exe"', ecole, true],
    ['f : "*.exe"', ecole, true],
    ['f : "école*"', ecole, false],
    ['f in~ ("école.exe", "x")', ecole, false],
    ['f like~ "ÉCOLE*"', ecole, true],
    ['startsWith~(f, "école")', ecole, false],
    ['endsWith~(f, "école.exe")', ecole, false],
    ['stringContains~(f, "cole.e")', ecole, true],
    ['f : "ασ"', sigma, false],
    // "İ" stays one character: JS lower-casing would make it two and shift the "?".
    ['f : "?stanbul"', dotted, true],
    ['f : "istanbul"', dotted, false],
  ]);
});

describe('a literal pattern in a script ignores case as Java compareToIgnoreCase', () => {
  // Optimizer.ReplaceWildcards keeps `:` without * or ? as InsensitiveEquals, ReplaceRegexMatch turns a
  // literal like~/regex~ into one; scripts run it as StringComparisons.insensitiveEquals (compareToIgnoreCase),
  // and `in~` as InternalEqlScriptUtils.seq (querytranslator_tests.txt inFilterInsensitiveWithScripting).
  cases([
    ['substring(f, 0) : "kernel32.dll"', kelvin, true],
    ['substring(f, 0) in~ ("kernel32.dll")', kelvin, true],
    ['substring(f, 0) like~ "kernel32.dll"', kelvin, true],
    ['substring(f, 0) regex~ "kernel32\\\\.dll"', kelvin, true],
    ['substring(f, 0) : "ασ"', sigma, true],
    ['substring(f, 0) : "istanbul"', dotted, true],
    ['substring(f, 0) : "école.exe"', ecole, true],
    // With a wildcard it is a Like, a Java regex with CASE_INSENSITIVE only: ASCII letters fold.
    ['substring(f, 0) : "kernel*"', kelvin, false],
    ['substring(f, 0) like~ "école*"', ecole, false],
    ['substring(f, 0) like~ "École*"', ecole, true],
    // The string functions lower-case both sides with toLowerCase(Locale.ROOT).
    ['startsWith~(substring(f, 0), "école")', ecole, true],
  ]);
});

describe('asciiLower and javaEqualsIgnoreCase', () => {
  it('lower-cases A-Z only, keeping the length', () => {
    expect(asciiLower('ÉCOLE.EXE')).toBe('École.exe');
    expect(asciiLower('İX\u212A')).toBe('İx\u212A');
    expect(asciiLower('PLAIN ASCII')).toBe('plain ascii');
  });

  it('compares code points through the one-to-one case mappings', () => {
    expect(javaEqualsIgnoreCase('\u212A', 'k')).toBe(true);
    expect(javaEqualsIgnoreCase('İ', 'i')).toBe(true);
    expect(javaEqualsIgnoreCase('ς', 'Σ')).toBe(true);
    expect(javaEqualsIgnoreCase('ß', 'SS')).toBe(false);
    expect(javaEqualsIgnoreCase('abc', 'ABD')).toBe(false);
    expect(javaEqualsIgnoreCase('x😀', 'X😀')).toBe(true);
  });
});
