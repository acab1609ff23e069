/**
 * Lucene regular expressions (`regex`, `regex~`) compiled into linear-time matchers.
 */

import type { StringMatcher } from '../evaluate/wildcard.js';
import { LazyDfa, RegexTooComplexError } from './automaton.js';
import { parseLuceneRegex, RegexSyntaxError } from './syntax.js';

export type { RegexNode } from './syntax.js';
export { RegexSyntaxError } from './syntax.js';

export interface RegexOptions {
  /** `regex~`: ASCII letters match either case (Lucene's ASCII_CASE_INSENSITIVE). */
  readonly caseInsensitive?: boolean;
}

/**
 * Compiles a Lucene regular expression into a whole-string matcher. Throws `RegexSyntaxError`
 * (with the offset in the pattern) for invalid syntax or a pattern too large to compile.
 */
export function compileLuceneRegex(pattern: string, options: RegexOptions = {}): StringMatcher {
  let dfa: LazyDfa;
  try {
    dfa = new LazyDfa(parseLuceneRegex(pattern), options.caseInsensitive === true);
  } catch (error) {
    if (error instanceof RegexTooComplexError) throw new RegexSyntaxError(error.message, 0);
    throw error;
  }
  return (text) => dfa.matches(text);
}

/** The syntax error of a pattern, or `null` when it is valid (for editors and verifiers). */
export function validateLuceneRegex(pattern: string): RegexSyntaxError | null {
  try {
    compileLuceneRegex(pattern);
    return null;
  } catch (error) {
    if (error instanceof RegexSyntaxError) return error;
    throw error;
  }
}
