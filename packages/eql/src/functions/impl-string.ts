/**
 * String functions with Elasticsearch's null handling: a null input gives null (never an
 * error); a value of the wrong type fails the search, as a Painless script would.
 */

import { asciiLower } from '../evaluate/case-fold.js';
import { EvaluationFailure } from '../evaluate/errors.js';
import { luceneWildcardMatcher } from '../evaluate/lucene-wildcard.js';
import type { EqlValue } from '../evaluate/values.js';
import { valueToString } from '../evaluate/values.js';
import type { FunctionImpl, ResultType } from './impl-types.js';

function requireString(value: EqlValue): string {
  if (typeof value !== 'string')
    throw new EvaluationFailure(`A string/char is required; received [${String(value)}]`);
  return value;
}

function requireInteger(value: EqlValue): number {
  if (typeof value !== 'number')
    throw new EvaluationFailure(`A number is required; received [${String(value)}]`);
  // Java Number.intValue(): truncation toward zero.
  return Math.trunc(value);
}

/** The `~` forms in a script: Java's `toLowerCase(Locale.ROOT)` of both sides, as JS lower-cases. */
function fold(text: string, caseInsensitive: boolean): string {
  return caseInsensitive ? text.toLowerCase() : text;
}

/** The `~` forms as an index query (prefix, wildcard): ASCII letters only (case-fold.ts). */
function foldForQuery(text: string, caseInsensitive: boolean): string {
  return caseInsensitive ? asciiLower(text) : text;
}

const stringResult = (): ResultType => 'string';
const booleanResult = (): ResultType => 'boolean';
const intResult = (): ResultType => 'int';

/**
 * `between(source, left, right[, greedy])`: the text between the first `left` and the next (or,
 * greedy, the last) `right`. As Elasticsearch's StringUtils.between and its function reference:
 * a bound that is not found gives `""` (not null), and an empty source, left or right gives the
 * source unchanged. A null argument gives null (ES folds it to null when planning).
 */
export const between: FunctionImpl = {
  name: 'between',
  resultType: stringResult,
  evaluate([input = null, left = null, right = null, greedy = false], ci) {
    if (input === null || left === null || right === null) return null;
    const text = requireString(input);
    const l = fold(requireString(left), ci);
    const r = fold(requireString(right), ci);
    if (typeof greedy !== 'boolean')
      throw new EvaluationFailure(`A boolean is required; received [${String(greedy)}]`);
    if (text === '' || l === '' || r === '') return text;
    const haystack = fold(text, ci);
    const leftAt = haystack.indexOf(l);
    if (leftAt < 0) return '';
    const start = leftAt + l.length;
    // Greedy searches the whole string, as ES does; a last `right` before `start` finds nothing.
    const rightAt = greedy ? haystack.lastIndexOf(r) : haystack.indexOf(r, start);
    return rightAt < start ? '' : text.slice(start, rightAt);
  },
};

/** `concat(…)`: string forms joined; any null argument makes the result null. */
export const concat: FunctionImpl = {
  name: 'concat',
  resultType: stringResult,
  evaluate(args, _ci, kinds) {
    let out = '';
    for (let i = 0; i < args.length; i++) {
      const value = args[i] ?? null;
      if (value === null) return null;
      const kind = kinds[i];
      out += valueToString(value, kind === 'double' ? 'double' : 'dynamic');
    }
    return out;
  },
};

/**
 * `startsWith` / `endsWith` / `stringContains`. Over a field with a constant, Elasticsearch
 * runs them as index queries: a prefix query for startsWith (literal), a wildcard query
 * `*part` / `*part*` for the others, where the constant's `*`, `?` and `\` act as wildcard
 * syntax (see lucene-wildcard.ts); elsewhere (scripts) all three compare literally.
 */
function affix(
  name: string,
  test: (text: string, part: string) => boolean,
  asWildcard?: (part: string) => string,
): FunctionImpl {
  return {
    name,
    resultType: booleanResult,
    evaluate([input = null, part = null], ci) {
      if (input === null || part === null) return null;
      return test(fold(requireString(input), ci), fold(requireString(part), ci));
    },
    fieldFilter([part = null], ci) {
      if (typeof part !== 'string') return undefined;
      if (asWildcard !== undefined) {
        const matches = luceneWildcardMatcher(asWildcard(part), ci);
        return (value) => typeof value === 'string' && matches(value);
      }
      const needle = foldForQuery(part, ci);
      return (value) => typeof value === 'string' && test(foldForQuery(value, ci), needle);
    },
  };
}

export const startsWith = affix('startsWith', (text, part) => text.startsWith(part));
export const endsWith = affix(
  'endsWith',
  (text, part) => text.endsWith(part),
  (part) => `*${part}`,
);
export const stringContains = affix(
  'stringContains',
  (text, part) => text.includes(part),
  (part) => `*${part}*`,
);

/** `indexOf(source, substring[, start])`: first index at or after `start`, or null. */
export const indexOf: FunctionImpl = {
  name: 'indexOf',
  resultType: intResult,
  evaluate([input = null, part = null, start = null], ci) {
    if (input === null || part === null) return null;
    const text = fold(requireString(input), ci);
    const needle = fold(requireString(part), ci);
    const from = start === null ? 0 : requireInteger(start);
    const at = text.indexOf(needle, Math.max(0, from));
    return at < 0 ? null : at;
  },
};

export const length: FunctionImpl = {
  name: 'length',
  resultType: intResult,
  evaluate([input = null]) {
    if (input === null) return null;
    return requireString(input).length;
  },
};

/** `string(value)`: the value as Elasticsearch prints it. */
export const string: FunctionImpl = {
  name: 'string',
  resultType: stringResult,
  evaluate([input = null], _ci, kinds) {
    if (input === null) return null;
    return valueToString(input, kinds[0] === 'double' ? 'double' : 'dynamic');
  },
};

/** `substring(source, start[, end])`: Python slice semantics (negative indexes count from the end). */
export const substring: FunctionImpl = {
  name: 'substring',
  resultType: stringResult,
  evaluate([input = null, start = null, end = null]) {
    if (input === null) return null;
    const text = requireString(input);
    const size = text.length;
    let from = start === null ? 0 : requireInteger(start);
    let to = end === null ? size : requireInteger(end);
    if (from < 0) from = Math.max(0, from + size);
    if (to < 0) to = Math.max(0, to + size);
    to = Math.min(to, size);
    return from >= to ? '' : text.slice(from, to);
  },
};
