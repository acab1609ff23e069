/**
 * Matchers for `:`, `like`/`like~` (wildcards) and `regex`/`regex~` (Lucene regular
 * expressions). Constant pattern lists compile once; an invalid regular expression is a
 * verification error pointing at its pattern. A pattern computed per event (which
 * Elasticsearch rejects) still works, compiled on each evaluation.
 *
 * Case is ignored as an index query ignores it (ASCII letters only), except for a literal
 * pattern in a script: Elasticsearch's optimizer makes a literal `:`, `like~` or `regex~`
 * pattern an insensitive equality (ReplaceWildcards keeps `:` without `*`/`?`,
 * ReplaceRegexMatch turns the others), which a script runs as Java's `compareToIgnoreCase`.
 * Other wildcard patterns in a script are Java regular expressions (`script-wildcard.ts`).
 */

import type { Expression, StringMatchNode } from '../ast.js';
import { EqlVerificationError } from '../errors.js';
import type { EventSource } from '../execute/types.js';
import { compileLuceneRegex, luceneRegexLiteral, RegexSyntaxError } from '../regex/index.js';
import { javaEqualsIgnoreCase } from './case-fold.js';
import { compileValue } from './compile-value.js';
import type { CompileContext } from './context.js';
import { compileScriptWildcards } from './script-wildcard.js';
import { type EqlValue, valueToString } from './values.js';
import { compileWildcards, hasWildcard, type StringMatcher } from './wildcard.js';

export type PatternMatcher = (text: string, source: EventSource) => boolean;

export interface PatternText {
  readonly text: string;
  /** Where the pattern was written, for error locations. */
  readonly node?: Expression;
}

function patternText(value: EqlValue): string | undefined {
  if (value === null) return undefined;
  return typeof value === 'string' ? value : valueToString(value);
}

/** Builds the any-of matcher for one operator over constant patterns (null patterns dropped). */
export function compileConstantPatterns(
  op: StringMatchNode['op'],
  caseInsensitive: boolean,
  patterns: readonly PatternText[],
  ctx: CompileContext,
  inScript = false,
): StringMatcher {
  const ci = op === ':' || caseInsensitive;
  if (inScript && ci) {
    const literals = patterns.flatMap(({ text }) => {
      const literal = literalPattern(op, text);
      return literal === undefined ? [] : [literal];
    });
    if (literals.length > 0) {
      const others = patterns.filter(({ text }) => literalPattern(op, text) === undefined);
      const rest =
        others.length > 0 ? compileConstantPatterns(op, caseInsensitive, others, ctx, true) : undefined;
      return (text) =>
        literals.some((literal) => javaEqualsIgnoreCase(text, literal)) || rest?.(text) === true;
    }
  }
  if (op !== 'regex') {
    const texts = patterns.map((p) => p.text);
    return inScript ? compileScriptWildcards(texts, ci) : compileWildcards(texts, ci);
  }
  const regexes = patterns.map(({ text, node }) => {
    try {
      return compileLuceneRegex(text, { caseInsensitive });
    } catch (error) {
      if (!(error instanceof RegexSyntaxError)) throw error;
      const loc = node?.loc ?? { start: 0, end: 0 };
      throw new EqlVerificationError(
        'EQL_INVALID_REGEX',
        `Invalid regular expression [${text}]: ${error.message}`,
        ctx.source,
        loc,
      );
    }
  });
  if (regexes.length === 1) return regexes[0] as StringMatcher;
  return (text) => regexes.some((regex) => regex(text));
}

/** The text a pattern stands for when it has no pattern syntax in effect, else undefined. */
function literalPattern(op: StringMatchNode['op'], text: string): string | undefined {
  if (op === 'regex') return luceneRegexLiteral(text);
  return hasWildcard(text) ? undefined : text;
}

/** The constant patterns of a match node, or `undefined` when some pattern depends on the event. */
export function constantPatterns(node: StringMatchNode, ctx: CompileContext): PatternText[] | undefined {
  const texts: PatternText[] = [];
  for (const pattern of node.patterns) {
    const compiled = compileValue(pattern, ctx);
    if (!compiled.constant) return undefined;
    const text = patternText(compiled.evaluate({}));
    if (text !== undefined) texts.push({ text, node: pattern });
  }
  return texts;
}

/** The matcher of a match node evaluated in a script (its value is not a plain field). */
export function compilePatternMatcher(node: StringMatchNode, ctx: CompileContext): PatternMatcher {
  const constants = constantPatterns(node, ctx);
  if (constants !== undefined) {
    const matcher = compileConstantPatterns(node.op, node.caseInsensitive, constants, ctx, true);
    return (text) => matcher(text);
  }
  const compiled = node.patterns.map((pattern) => ({ value: compileValue(pattern, ctx), node: pattern }));
  return (text, source) => {
    const texts: PatternText[] = [];
    for (const { value, node: patternNode } of compiled) {
      const pattern = patternText(value.evaluate(source));
      if (pattern !== undefined) texts.push({ text: pattern, node: patternNode });
    }
    return compileConstantPatterns(node.op, node.caseInsensitive, texts, ctx, true)(text);
  };
}
