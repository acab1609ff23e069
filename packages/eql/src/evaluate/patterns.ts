/**
 * Matchers for `:`, `like`/`like~` (wildcards) and `regex`/`regex~` (Lucene regular
 * expressions). Constant pattern lists compile once; an invalid regular expression is a
 * verification error pointing at its pattern. A pattern computed per event (which
 * Elasticsearch rejects) still works, compiled on each evaluation.
 */

import type { Expression, StringMatchNode } from '../ast.js';
import { EqlVerificationError } from '../errors.js';
import type { EventSource } from '../execute/types.js';
import { compileLuceneRegex, RegexSyntaxError } from '../regex/index.js';
import { compileValue } from './compile-value.js';
import type { CompileContext } from './context.js';
import { type EqlValue, valueToString } from './values.js';
import { compileWildcards, type StringMatcher } from './wildcard.js';

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
): StringMatcher {
  if (op !== 'regex')
    return compileWildcards(
      patterns.map((p) => p.text),
      op === ':' || caseInsensitive,
    );
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

export function compilePatternMatcher(node: StringMatchNode, ctx: CompileContext): PatternMatcher {
  const ci = node.op === ':' || node.caseInsensitive;
  const constants = constantPatterns(node, ctx);
  if (constants !== undefined) {
    const matcher = compileConstantPatterns(node.op, ci, constants, ctx);
    return (text) => matcher(text);
  }
  const compiled = node.patterns.map((pattern) => ({ value: compileValue(pattern, ctx), node: pattern }));
  return (text, source) => {
    const texts: PatternText[] = [];
    for (const { value, node: patternNode } of compiled) {
      const pattern = patternText(value.evaluate(source));
      if (pattern !== undefined) texts.push({ text: pattern, node: patternNode });
    }
    return compileConstantPatterns(node.op, ci, texts, ctx)(text);
  };
}
