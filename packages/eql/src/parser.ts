/**
 * Public parsing entry points. The grammar lives in `parser/expressions.ts` (conditions) and
 * `parser/queries.ts` (event queries, sequences, samples, pipes).
 *
 * Guarantees, on any input: only `EqlError`s are thrown, and parsing terminates (input size is
 * bounded by `maxTokens`; every recovery step consumes input).
 */

import type { Expression, Node, QueryNode } from './ast.js';
import { type EqlError, EqlSyntaxError } from './errors.js';
import { lex } from './lexer.js';
import { Cursor, ParseAbort, TooManyErrors } from './parser/cursor.js';
import { parseExpression as parseExpressionRule } from './parser/expressions.js';
import { parseQuery } from './parser/queries.js';
import { childNodes } from './walk.js';

export interface ParseOptions {
  /** Give up on input with more tokens than this (default 100 000). */
  readonly maxTokens?: number;
}

export interface ParseResult<T> {
  /**
   * The tree, or `null` when nothing usable was recognised. When `errors` is not empty the tree
   * is partial (broken parts stand as `null` literals): fit for completion and outlines, never
   * for evaluation.
   */
  readonly ast: T | null;
  /** Every error found, in source order. */
  readonly errors: readonly EqlError[];
}

/** Nested parentheses and `not`s deeper than this are refused before they exhaust the stack. */
const MAX_DEPTH = 500;

/**
 * The deepest tree the verifier, compiler, formatter and explainer (all recursive) may be given.
 * Operator chains (`1 + 1 + … + 1`) are parsed by loops, not recursion, so bracket nesting alone
 * does not bound the depth of their left-leaning trees.
 */
const MAX_TREE_DEPTH = 1000;

/**
 * Parse a whole EQL query, reporting as many errors as recovery can find: the editor marks them
 * all.
 */
export function parseWithDiagnostics(source: string, options: ParseOptions = {}): ParseResult<QueryNode> {
  return run(source, options, parseQuery);
}

/** Parse a whole EQL query; throws the first `EqlSyntaxError`. */
export function parse(source: string, options: ParseOptions = {}): QueryNode {
  return firstOrThrow(parseWithDiagnostics(source, options));
}

/** Parse a standalone expression (e.g. `length("abc") == 3`), as Elasticsearch's tests do. */
export function parseExpressionWithDiagnostics(
  source: string,
  options: ParseOptions = {},
): ParseResult<Expression> {
  return run(source, options, (c) => {
    const expression = parseExpressionRule(c);
    if (!c.at('EOF')) c.unexpected('"and", "or" or end of expression');
    return expression;
  });
}

/** Parse a standalone expression; throws the first `EqlSyntaxError`. */
export function parseExpression(source: string, options: ParseOptions = {}): Expression {
  return firstOrThrow(parseExpressionWithDiagnostics(source, options));
}

function firstOrThrow<T>(result: ParseResult<T>): T {
  const [first] = result.errors;
  if (first !== undefined) throw first;
  if (result.ast === null) throw new Error('unreachable: no tree and no error');
  return result.ast;
}

function run<T>(source: string, options: ParseOptions, rule: (c: Cursor) => T): ParseResult<T> {
  let lexed: ReturnType<typeof lex>;
  try {
    lexed = lex(source, options);
  } catch (error) {
    if (error instanceof EqlSyntaxError) return { ast: null, errors: [error] };
    throw error;
  }
  const tooDeep = findExcessiveNesting(source, lexed.tokens);
  if (tooDeep !== null) return { ast: null, errors: [tooDeep] };

  const cursor = new Cursor(source, lexed.tokens);
  let ast: T | null = null;
  try {
    ast = rule(cursor);
  } catch (error) {
    if (error instanceof RangeError) {
      // Belt and braces: the nesting check should make a stack overflow impossible.
      return {
        ast: null,
        errors: [
          new EqlSyntaxError('EQL_SYNTAX', 'Query is too complex to parse.', source, { start: 0, end: 0 }),
        ],
      };
    }
    if (!(error instanceof ParseAbort) && !(error instanceof TooManyErrors)) throw error;
  }
  if (ast !== null) {
    const tooDeep = findExcessiveDepth(source, ast as Node);
    if (tooDeep !== null) return { ast: null, errors: [tooDeep] };
  }
  const errors: EqlError[] = [...lexed.errors, ...cursor.errors];
  errors.sort((a, b) => a.range.start - b.range.start);
  return { ast, errors };
}

/** A node with children at depth `MAX_TREE_DEPTH` (found without recursion), as an error. */
function findExcessiveDepth(source: string, root: Node): EqlSyntaxError | null {
  const stack: [Node, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [Node, number];
    const children = childNodes(node);
    if (depth === MAX_TREE_DEPTH && children.length > 0) {
      // The node whose operands are too deep: for a chain, the chain from its first operand.
      return new EqlSyntaxError(
        'EQL_SYNTAX',
        `Query nests too deeply (more than ${MAX_TREE_DEPTH} levels of operators).`,
        source,
        node.loc,
      );
    }
    for (const child of children) stack.push([child, depth + 1]);
  }
  return null;
}

/**
 * Recursion in the parser follows bracket and `not`/unary nesting; refuse pathological depth up
 * front so a hostile query yields an error, not a stack overflow.
 */
function findExcessiveNesting(
  source: string,
  tokens: ReturnType<typeof lex>['tokens'],
): EqlSyntaxError | null {
  let depth = 0;
  let prefixRun = 0;
  for (const token of tokens) {
    if (token.kind === '(' || token.kind === '[' || token.kind === '![') depth += 1;
    else if (token.kind === ')' || token.kind === ']') depth = Math.max(0, depth - 1);
    const prefix =
      token.kind === '-' || token.kind === '+' || (token.kind === 'Identifier' && token.value === 'not');
    prefixRun = prefix ? prefixRun + 1 : 0;
    if (depth + prefixRun > MAX_DEPTH) {
      return new EqlSyntaxError(
        'EQL_SYNTAX',
        `Query nests too deeply (more than ${MAX_DEPTH} levels).`,
        source,
        { start: token.start, end: token.end },
      );
    }
  }
  return null;
}
