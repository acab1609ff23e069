/**
 * Lucene regular expressions (`regex`, `regex~`) compiled into linear-time matchers.
 */

import type { StringMatcher } from '../evaluate/wildcard.js';
import { LazyDfa, RegexTooComplexError } from './automaton.js';
import { parseLuceneRegex, type RegexNode, RegexSyntaxError } from './syntax.js';

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

/** The one string a node matches, when it is built of literal characters only; else undefined. */
function literalText(node: RegexNode): string | undefined {
  switch (node.kind) {
    case 'string':
      return node.text;
    case 'char':
      return String.fromCodePoint(node.code);
    case 'class':
      return node.ranges.length === 2 && node.ranges[0] === node.ranges[1]
        ? String.fromCodePoint(node.ranges[0] as number)
        : undefined;
    case 'concat': {
      const left = literalText(node.left);
      const right = left === undefined ? undefined : literalText(node.right);
      return left === undefined || right === undefined ? undefined : left + right;
    }
    case 'repeat': {
      const operand = node.max === node.min ? literalText(node.operand) : undefined;
      return operand === undefined ? undefined : operand.repeat(node.min);
    }
    default:
      return undefined;
  }
}

/**
 * The string a valid pattern matches exactly, when it is a literal (`net\\.exe`, `a{2}`), else
 * undefined. Elasticsearch's optimizer turns such a `regex` into `==` and such a `regex~` into
 * `:` (ReplaceRegexMatch), which matters in scripts, where `:` ignores case as Java does.
 */
export function luceneRegexLiteral(pattern: string): string | undefined {
  try {
    return literalText(parseLuceneRegex(pattern));
  } catch (error) {
    if (error instanceof RegexSyntaxError) return undefined;
    throw error;
  }
}
