/**
 * EQL wildcard patterns (`:`, `like`): `*` is any run of characters, `?` exactly one character,
 * everything else (backslash included) is literal. A list of patterns compiles into one
 * matcher: exact strings go into a set, prefix / suffix / contains patterns into arrays, the
 * rest into a general two-pointer matcher. Case-insensitive matchers lower-case the patterns
 * once and the value once per test.
 */

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
    const pattern = caseInsensitive ? raw.toLowerCase() : raw;
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
  const onlyExact = prefixes.length + suffixes.length + contains.length + general.length === 0;
  const test = (value: string): boolean => {
    if (exact.has(value)) return true;
    for (const text of prefixes) if (value.startsWith(text)) return true;
    for (const text of suffixes) if (value.endsWith(text)) return true;
    for (const text of contains) if (value.includes(text)) return true;
    for (const pattern of general) if (wildcardMatch(value, pattern)) return true;
    return false;
  };
  if (!caseInsensitive) return onlyExact ? (value) => exact.has(value) : test;
  let maxLength = 0;
  for (const text of exact) maxLength = Math.max(maxLength, text.length);
  const lowered = onlyExact
    ? (value: string) => exact.has(value.toLowerCase())
    : (value: string) => test(value.toLowerCase());
  return memoize((value) => (onlyExact && value.length > maxLength ? false : lowered(value)));
}

const MEMO_LIMIT = 4096;

/**
 * Field values repeat (process names, categories, actions), and lower-casing allocates: remember
 * recent answers. The memo is cleared when it fills, so memory stays bounded.
 */
function memoize(matcher: StringMatcher): StringMatcher {
  const memo = new Map<string, boolean>();
  return (value) => {
    let result = memo.get(value);
    if (result === undefined) {
      result = matcher(value);
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(value, result);
    }
    return result;
  };
}
