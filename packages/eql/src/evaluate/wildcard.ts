/**
 * EQL wildcard patterns (`:`, `like`): `*` is any run of characters, `?` exactly one character,
 * everything else (backslash included) is literal. A list of patterns compiles into one
 * matcher: exact strings go into a set, prefix / suffix / contains patterns into arrays, the
 * rest into a general two-pointer matcher. Case-insensitive matchers fold ASCII letters only, as
 * Elasticsearch's case-insensitive wildcard and term queries do (`case-fold.ts`), in the
 * patterns once and in the value once per test.
 */

import { asciiLower } from './case-fold.js';

export type StringMatcher = (value: string) => boolean;

type Shape =
  | { readonly kind: 'exact'; readonly text: string }
  | { readonly kind: 'prefix'; readonly text: string }
  | { readonly kind: 'suffix'; readonly text: string }
  | { readonly kind: 'contains'; readonly text: string }
  | { readonly kind: 'any' }
  | { readonly kind: 'general'; readonly pattern: string };

function shapeOf(pattern: string): Shape {
  if (pattern.includes('?')) return { kind: 'general', pattern };
  const stars = pattern.split('*');
  if (stars.length === 1) return { kind: 'exact', text: pattern };
  if (stars.every((part) => part === '')) return { kind: 'any' };
  const inner = stars.slice(1, -1);
  if (inner.every((part) => part === '')) {
    const head = stars[0] as string;
    const tail = stars[stars.length - 1] as string;
    if (head !== '' && tail === '' && stars.length === 2) return { kind: 'prefix', text: head };
    if (head === '' && tail !== '' && stars.length === 2) return { kind: 'suffix', text: tail };
    if (head === '' && tail === '' && inner.length === 1)
      return { kind: 'contains', text: inner[0] as string };
  }
  if (stars.length === 3 && stars[0] === '' && stars[2] === '')
    return { kind: 'contains', text: stars[1] as string };
  return { kind: 'general', pattern };
}

function hasAstral(text: string): boolean {
  return /[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text);
}

/** Two-pointer wildcard match with backtracking to the last `*`: O(n·m) worst case, no recursion. */
function matchUnits(value: readonly string[] | string, pattern: readonly string[] | string): boolean {
  let v = 0;
  let p = 0;
  let starP = -1;
  let starV = 0;
  const vl = value.length;
  const pl = pattern.length;
  while (v < vl) {
    const pc = p < pl ? pattern[p] : undefined;
    if (pc === '*') {
      starP = p++;
      starV = v;
    } else if (pc !== undefined && (pc === '?' || pc === value[v])) {
      p++;
      v++;
    } else if (starP >= 0) {
      p = starP + 1;
      v = ++starV;
    } else {
      return false;
    }
  }
  while (p < pl && pattern[p] === '*') p++;
  return p === pl;
}

/** Matches one wildcard pattern against a whole string (`?` is one code point). */
export function wildcardMatch(value: string, pattern: string): boolean {
  if (pattern.includes('?') && hasAstral(value)) return matchUnits([...value], [...pattern]);
  return matchUnits(value, pattern);
}

export function hasWildcard(pattern: string): boolean {
  return pattern.includes('*') || pattern.includes('?');
}

/** Compiles a list of wildcard patterns into one any-of matcher. */
export function compileWildcards(patterns: readonly string[], caseInsensitive: boolean): StringMatcher {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  const suffixes: string[] = [];
  const contains: string[] = [];
  const general: string[] = [];
  for (const raw of patterns) {
    const pattern = caseInsensitive ? asciiLower(raw) : raw;
    const shape = shapeOf(pattern);
    switch (shape.kind) {
      case 'any':
        return () => true;
      case 'exact':
        exact.add(shape.text);
        break;
      case 'prefix':
        prefixes.push(shape.text);
        break;
      case 'suffix':
        suffixes.push(shape.text);
        break;
      case 'contains':
        contains.push(shape.text);
        break;
      case 'general':
        general.push(shape.pattern);
        break;
    }
  }
  if (!caseInsensitive) return anyOf(exact, prefixes, suffixes, contains, general);
  // Case-insensitive: exact values through a set of folded patterns behind a cheap pre-filter;
  // ASCII prefix/suffix/contains needles through one case-insensitive RegExp, which searches long
  // values (command lines) without folding a copy of each. Without the `u` flag, `i` never folds
  // a character past ASCII to an ASCII one (ECMAScript Canonicalize), so it folds ASCII only.
  const literal = (text: string): string => text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
  const ascii = [...prefixes, ...suffixes, ...contains].every((text) => /^[\x20-\x7e]*$/.test(text));
  const parts = ascii
    ? [
        ...prefixes.map((text) => `^${literal(text)}`),
        ...suffixes.map((text) => `${literal(text)}$`),
        ...contains.map(literal),
      ]
    : [];
  const regex = parts.length > 0 ? new RegExp(parts.join('|'), 'i') : undefined;
  const rest = ascii
    ? anyOf(new Set(), [], [], [], general)
    : anyOf(new Set(), prefixes, suffixes, contains, general);
  const hasRest = general.length > 0 || (!ascii && prefixes.length + suffixes.length + contains.length > 0);
  // One function per combination of parts, with no test of a part that is absent: these run
  // once per value in the hot loop, and each layer of optional calls costs there.
  const matchers: StringMatcher[] = [];
  if (exact.size > 0) matchers.push(caseFoldedMember(exact));
  if (regex !== undefined) matchers.push((value) => regex.test(value));
  if (hasRest) matchers.push((value) => rest(asciiLower(value)));
  return anyOfMatchers(matchers);
}

/** Any of the matchers, without a loop for the common one or two. */
function anyOfMatchers(parts: readonly StringMatcher[]): StringMatcher {
  const [first, second] = parts;
  if (first === undefined) return () => false;
  if (second === undefined) return first;
  if (parts.length === 2) return (value) => first(value) || second(value);
  return (value) => {
    for (const part of parts) if (part(value)) return true;
    return false;
  };
}

/**
 * Membership of `asciiLower(value)` in a set of ASCII-folded strings, without folding most
 * values: folding keeps the length, so longer values cannot match, and an ASCII first character
 * must fold to the first character of some member (no other character folds to ASCII).
 */
export function caseFoldedMember(lowered: ReadonlySet<string>): StringMatcher {
  let maxLength = 0;
  const firsts = new Uint8Array(128);
  for (const text of lowered) {
    maxLength = Math.max(maxLength, text.length);
    const first = text.charCodeAt(0);
    if (Number.isNaN(first) || first >= 128) continue;
    firsts[first] = 1;
    firsts[String.fromCharCode(first).toUpperCase().charCodeAt(0)] = 1;
  }
  return (value) => {
    if (value.length > maxLength) return false;
    const first = value.charCodeAt(0);
    if (first < 128 && firsts[first] === 0) return false;
    return lowered.has(value) || lowered.has(asciiLower(value));
  };
}

function anyOf(
  exact: ReadonlySet<string>,
  prefixes: readonly string[],
  suffixes: readonly string[],
  contains: readonly string[],
  general: readonly string[],
): StringMatcher {
  // Only the kinds of pattern present are tested, one function per kind (see above), each
  // written out: a closure shared by all kinds would make its calls megamorphic.
  const matchers: StringMatcher[] = [];
  if (exact.size > 0) matchers.push((value) => exact.has(value));
  if (prefixes.length > 0)
    matchers.push((value) => {
      for (const text of prefixes) if (value.startsWith(text)) return true;
      return false;
    });
  if (suffixes.length > 0)
    matchers.push((value) => {
      for (const text of suffixes) if (value.endsWith(text)) return true;
      return false;
    });
  if (contains.length > 0)
    matchers.push((value) => {
      for (const text of contains) if (value.includes(text)) return true;
      return false;
    });
  if (general.length > 0)
    matchers.push((value) => {
      for (const pattern of general) if (wildcardMatch(value, pattern)) return true;
      return false;
    });
  return anyOfMatchers(matchers);
}
