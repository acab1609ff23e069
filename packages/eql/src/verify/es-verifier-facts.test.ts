/**
 * Verification facts stated by Elasticsearch's unit tests (VerifierTests, QueryFolderFailTests,
 * QueryTranslatorFailTests, ExpressionTests). Inputs are ours; the wording is Elasticsearch's.
 */

import { describe, expect, it } from 'vitest';
import { check } from '../verify.js';
import { suggestionList } from './suggest.js';

function messages(source: string): string[] {
  return check(source).errors.map((error) => error.message);
}

describe('in-list types (VerifierTests.testMixedSet)', () => {
  it('rejects list values of another kind than the tested value', () => {
    expect(messages('any where 7 in (7, "seven")')).toEqual([
      '2nd argument of [7 in (7, "seven")] must be [integer], found value ["seven"] type [keyword]',
    ]);
    expect(messages('any where "a" in ("b", "c", false)')).toEqual([
      '3rd argument of ["a" in ("b", "c", false)] must be [keyword], found value [false] type [boolean]',
    ]);
  });

  it('rejects a field tested against a list no single type fits', () => {
    expect(messages('any where host.port in (22, "ssh")')).toEqual([
      '2nd argument of [host.port in (22, "ssh")] must be [integer], found value ["ssh"] type [keyword]',
    ]);
  });

  it('accepts same-kind lists, numbers of any width, nulls and optional fields', () => {
    expect(messages('any where host.port in (22, 2.5, 8589934592, null)')).toEqual([]);
    expect(messages('any where ?maybe in (1, "one")')).toEqual([]);
    expect(messages('any where null in (1, "one")')).toEqual([]);
    expect(messages('any where user.name in~ ("root", "ADMIN")')).toEqual([]);
  });
});

describe('function arguments', () => {
  it('reports only the first bad argument of a call (QueryFolderFailTests.testBetweenWrongTypeParams)', () => {
    expect(messages('any where between(a, 5, 6) == "x"')).toEqual([
      'second argument of [between(a, 5, 6)] must be [string], found value [5] type [integer]',
    ]);
  });

  it('names the argument unless the function takes exactly one (testNumberFunctionAlreadyNumber)', () => {
    expect(messages('any where number(42) == 42')).toEqual([
      'first argument of [number(42)] must be [string], found value [42] type [integer]',
    ]);
    expect(messages('any where length(42) == 2')).toEqual([
      'argument of [length(42)] must be [string], found value [42] type [integer]',
    ]);
  });
});

describe(': like regex need strings (VerifierTests.testIncorrectUsageOfStringEquals)', () => {
  it('refuses a non-string value, pointing : users at ==', () => {
    expect(messages('any where length(a) : "3"')).toEqual([
      'first argument of [:] must be [string], found value [length(a)] type [integer]; consider using [==] instead',
    ]);
    expect(messages('any where 12 like~ "1*"')).toEqual([
      'first argument of [12 like~ "1*"] must be [string], found value [12] type [integer]',
    ]);
  });

  it('refuses number and boolean patterns, accepts fields and null values', () => {
    expect(messages('any where a regex ("x", 3)')).toEqual([
      'third argument of [a regex ("x", 3)] must be [string], found value [3] type [integer]',
    ]);
    expect(messages('any where a : "x*" and ?b like null and c regex~ "y.*"')).toEqual([]);
  });
});

describe('condition type (VerifierTests.testQueryCondition)', () => {
  it('names the non-boolean type in upper case', () => {
    expect(messages('any where concat(a, "b")')).toEqual([
      'Condition expression needs to be boolean, found [KEYWORD]',
    ]);
    expect(messages('any where 2.5')).toEqual(['Condition expression needs to be boolean, found [DOUBLE]']);
  });
});

describe('"did you mean" candidates use Lucene similarity >= 0.5 (StringUtils.findSimilar)', () => {
  it('suggests far but proportionally close names, most similar first', () => {
    // testMatchIsNotValidFunction: `match` → `cidrmatch` (distance 4 of 9 letters).
    expect(messages('any where match(a, "x")')).toEqual([
      'Unknown function [match], did you mean [cidrMatch]?',
    ]);
    // testMisspelledColumnWithMultipleOptions: `pib` → `pid, ppid`.
    expect(suggestionList('pib', ['ppid', 'pid', 'md5'])).toEqual(['pid', 'ppid']);
    expect(suggestionList('proc.pd', ['proc.pid', 'proc.name', 'process.parent.pid'])).toEqual([
      'proc.pid',
      'proc.name',
    ]);
  });

  it('suggests nothing for unrelated names (testFunctionParsingUnknown)', () => {
    expect(messages('any where safe(a)')).toEqual(['Unknown function [safe]']);
    expect(messages('any where arrayCount(a, b, true) == 1')).toEqual(['Unknown function [arrayCount]']);
  });
});
