/**
 * Regression cases found by the differential and metamorphic property tests
 * (`differential.property.test.ts`), each with the Elasticsearch fact that decides it. Every case
 * runs through every evaluation path (generated code, closures, executors, explain).
 */

import { describe, expect, it } from 'vitest';
import { compileEveryWay, verdicts } from '../../test/differential/paths.js';

function expectEverywhere(condition: string, source: Record<string, unknown>, expected: boolean): void {
  const compiled = compileEveryWay(condition);
  expect(compiled, condition).toBeDefined();
  if (compiled === undefined) return;
  const all = verdicts(compiled, source);
  expect(all, `${condition} on ${JSON.stringify(source)}`).toEqual({
    generated: expected,
    closure: expected,
    compileCondition: expected,
    searchWithCode: expected,
    searchWithoutCode: expected,
    explain: expected,
  });
}

type Case = readonly [condition: string, source: Record<string, unknown>, expected: boolean];

function cases(list: readonly Case[]): void {
  for (const [condition, source, expected] of list) {
    it(`${condition} on ${JSON.stringify(source)} is ${expected}`, () => {
      expectEverywhere(condition, source, expected);
    });
  }
}

describe('a backquoted name with dots is the same dotted field', () => {
  // ES builds a field name by joining the identifiers of a qualified name with dots, and reads a
  // dotted name from nested objects and flat keys alike: `x.y` and `` `x.y` `` are one field.
  cases([
    ['`x.y` == 1', { x: { y: 1 } }, true],
    ['`x.y` == 1', { 'x.y': 1 }, true],
    ['`a.b`.c == 1', { a: { b: { c: 1 } } }, true],
    ['`a.b`.c == 1', { a: { 'b.c': 1 } }, true],
    ['`x.y` != 1', { x: { y: 1 } }, false],
    ['`x.y` == null', { x: { y: 1 } }, false],
    ['length(`x.y`) == 3', { x: { y: 'abc' } }, true],
  ]);
});

describe('a function compared with true or false is the function or its negation', () => {
  // ES optimizer `BooleanFunctionEqualsElimination` (after `LiteralsOnTheRight`); the query
  // translator then makes a query of it: querytranslator_tests.txt `functionEqualsFalse`
  // (`cidrMatch(source_address, "10.0.0.0/8") == false` is a must_not terms query).
  cases([
    ['cidrMatch(ip, "10.0.0.0/8") == false', {}, true],
    ['cidrMatch(ip, "10.0.0.0/8") != true', {}, true],
    ['cidrMatch(ip, "10.0.0.0/8") == false', { ip: '10.1.2.3' }, false],
    ['cidrMatch(ip, "10.0.0.0/8") != false', { ip: '10.1.2.3' }, true],
    ['(a == "foo") == false', {}, true],
    ['(a == "foo") == false', { a: ['foo', 'ba'] }, false],
    ['(a == "foo") == true', { a: ['foo', 'ba'] }, true],
    ['true != (a == "foo")', {}, true],
    ['(a : "f*") == false', { a: 'bar' }, true],
    // ConstantFolding runs first in the same optimizer batch: a constant X is a literal by the
    // time the rewrite could apply, and `3 == false` folds to null (Java Comparisons.eq).
    ['length("abc") == false', {}, false],
    ['length("abc") == false', { a: 'x' }, false],
    ['length("abc") != false', {}, false],
    ['divide(7, 2) == false', {}, false],
    ['divide(7, 2) != true', {}, false],
    ['concat("a") == true', {}, false],
    ['(1 < 2) == false', {}, false],
    ['(1 > 2) == false', {}, true],
    ['("" > true) != false', {}, false],
  ]);
});

describe('scripts test every value of a multi-valued field', () => {
  // ES 8.x runs a script filter multi-value aware: each field occurrence loops over its doc values
  // (a missing field is one null) and the filter matches when some combination makes it true
  // (`Scripts.multiValueDocValuesRewrite`, `InternalEqlScriptUtils.multiValueDocValues`;
  // querytranslator_tests.txt `lengthFunctionWithExactField`, `negatedInFilterWithScripting`).
  cases([
    ['length(a) == 3', { a: ['foo', 'ba'] }, true],
    ['length(a) == 2', { a: ['foo', 'ba'] }, true],
    ['not length(a) == 3', { a: ['foo', 'ba'] }, false],
    ['not length(a) == 3', {}, true],
    ['length(a) + length(a) == 5', { a: ['ab', 'abc'] }, true],
    ['substring(a, 1) in ("oo")', { a: ['xy', 'foo'] }, true],
    ['substring(a, 1) not in ("oo")', { a: ['xy', 'foo'] }, false],
    ['substring(a, 1) not in ("oo")', {}, true],
    ['n + 1 == 3', { n: [5, 2] }, true],
  ]);
});

describe('a bare field is a term query for true', () => {
  // querytranslator_tests.txt `fieldNoEquals`: `process where bool` is `term bool: true`, the
  // query `bool == true` makes; a keyword holding "true" matches both.
  cases([
    ['a', { a: 'true' }, true],
    ['a == true', { a: 'true' }, true],
    ['not a', { a: 'true' }, false],
    ['a', { a: 'True' }, false],
    ['a', { a: true }, true],
    ['a', { a: 1 }, false],
  ]);
});

describe('endsWith and stringContains over a field run as Lucene wildcard queries', () => {
  // EQL QueryTranslator: a field and a constant become WildcardQuery("*" + part [+ "*"]), the
  // constant pasted unescaped, so its `*`, `?` and `\` are pattern syntax; startsWith is a prefix
  // query (literal). In a script (a function of a function) all compare literally.
  cases([
    ['endsWith(p, "a*c")', { p: 'xxabbbc' }, true],
    ['endsWith(p, "a?c")', { p: 'xabc' }, true],
    ['endsWith(p, "a?c")', { p: 'xa?d' }, false],
    ['stringContains(p, "b*d")', { p: 'abxxde' }, true],
    ['stringContains(p, "b?d")', { p: 'abd' }, false],
    // `\c` is an escaped `c`: the backslash itself need not be there.
    ['endsWith(p, "\\\\cmd.exe")', { p: 'C:\\x\\notcmd.exe' }, true],
    ['endsWith(p, "\\\\cmd.exe")', { p: 'C:\\x\\cmd.exe' }, true],
    ['stringContains(p, "\\\\*")', { p: 'a*b' }, true],
    ['stringContains(p, "\\\\*")', { p: 'ab' }, false],
    ['stringContains(p, "\\\\\\\\x")', { p: 'a\\x' }, true],
    ['endsWith~(p, "A*C")', { p: 'xabc' }, true],
    ['not endsWith(p, "a*c")', { p: 'abc' }, false],
    ['endsWith(p, "a*c")', { p: ['zz', 'abc'] }, true],
    ['startsWith(p, "a*")', { p: 'abc' }, false],
    ['startsWith(p, "a*")', { p: 'a*bc' }, true],
    ['endsWith(string(p), "a*c")', { p: 'abc' }, false],
    ['endsWith(string(p), "a*c")', { p: 'xa*c' }, true],
  ]);
});

describe('a script comparing values of different types matches nothing, either way', () => {
  // ES scripts compare through ql Comparisons: eq/neq/in go through compare(), whose
  // ClassCastException branch gives null, and a null script filter matches no event. (`in` over
  // mixed types is rejected before: the verifier checks its list against the value's type.)
  cases([
    ['length(s) != "7"', { s: 'abc' }, false],
    ['length(s) == "3"', { s: 'abc' }, false],
    ['length(s) != 7', { s: 'abc' }, true],
  ]);
});
