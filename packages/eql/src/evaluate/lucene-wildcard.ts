/**
 * Lucene's WildcardQuery syntax: `*` any run, `?` one code point, `\` takes the next character
 * literally (a trailing `\` is itself). Elasticsearch runs `endsWith(field, "…")` and
 * `stringContains(field, "…")` as such a query, pasting the constant between `*`s without
 * escaping it (EQL QueryTranslator), so `*`, `?` and `\` in that constant are pattern syntax
 * there: `endsWith(file.path, "\\cmd.exe")` matches any path ending in `cmd.exe`.
 */

import { asciiLower } from './case-fold.js';
import { compileWildcards, type StringMatcher } from './wildcard.js';

const ANY_RUN = -1;
const ANY_ONE = -2;

/** A matcher for one Lucene wildcard pattern against a whole string. */
export function luceneWildcardMatcher(pattern: string, caseInsensitive: boolean): StringMatcher {
  // Without escapes the syntax is EQL's own wildcard syntax, whose matchers are tuned.
  if (!pattern.includes('\\')) return compileWildcards([pattern], caseInsensitive);
  // Case-insensitive wildcard queries fold ASCII letters only (case-fold.ts).
  const tokens = tokenize(caseInsensitive ? asciiLower(pattern) : pattern);
  return (value) => matchTokens(codePoints(caseInsensitive ? asciiLower(value) : value), tokens);
}

function tokenize(pattern: string): number[] {
  const tokens: number[] = [];
  const points = codePoints(pattern);
  for (let i = 0; i < points.length; i++) {
    const c = points[i] as number;
    if (c === 0x2a) tokens.push(ANY_RUN);
    else if (c === 0x3f) tokens.push(ANY_ONE);
    else if (c === 0x5c && i + 1 < points.length) tokens.push(points[++i] as number);
    else tokens.push(c);
  }
  return tokens;
}

function codePoints(text: string): number[] {
  const points: number[] = [];
  for (const ch of text) points.push(ch.codePointAt(0) as number);
  return points;
}

/** Two pointers, backtracking to the last `*` only: O(n·m) worst case, never exponential. */
function matchTokens(value: readonly number[], tokens: readonly number[]): boolean {
  let v = 0;
  let t = 0;
  let starT = -1;
  let starV = 0;
  while (v < value.length) {
    const token = t < tokens.length ? tokens[t] : undefined;
    if (token === ANY_RUN) {
      starT = t++;
      starV = v;
    } else if (token !== undefined && (token === ANY_ONE || token === value[v])) {
      t++;
      v++;
    } else if (starT >= 0) {
      t = starT + 1;
      v = ++starV;
    } else {
      return false;
    }
  }
  while (t < tokens.length && tokens[t] === ANY_RUN) t++;
  return t === tokens.length;
}
