/**
 * Verification: what Elasticsearch rejects in a well-formed query (unknown functions, wrong
 * arity or argument types, field-to-field comparisons, unsupported pipes, inconsistent join
 * keys, missing events without maxspan, …). Errors are `EqlVerificationError`s.
 */

import type { Expression, QueryNode } from './ast.js';
import type { EqlError } from './errors.js';
import { type ParseOptions, type ParseResult, parseWithDiagnostics } from './parser.js';
import { Diagnostics } from './verify/diagnostics.js';
import { verifyExpression as verifyExpressionRules } from './verify/expressions.js';
import { verifyQuery } from './verify/queries.js';

/**
 * Every verification error in `ast`, in source order. `source` is the text `ast` was parsed
 * from: messages quote it and positions refer to it. Without it (a tree built in code) messages
 * quote the formatted nodes and positions are meaningless.
 */
export function verify(ast: QueryNode, source?: string): EqlError[] {
  const d = new Diagnostics(source ?? null);
  verifyQuery(d, ast);
  return sorted(d.errors);
}

/** Verification of a standalone expression (functions, types, field comparisons). */
export function verifyExpression(ast: Expression, source?: string): EqlError[] {
  const d = new Diagnostics(source ?? null);
  verifyExpressionRules(d, ast);
  return sorted(d.errors);
}

/**
 * Parse and verify, collecting every error: syntax errors first; verification runs only on a
 * tree that parsed cleanly (a partial tree would produce misleading follow-up errors).
 */
export function check(source: string, options: ParseOptions = {}): ParseResult<QueryNode> {
  const parsed = parseWithDiagnostics(source, options);
  if (parsed.errors.length > 0 || parsed.ast === null) return parsed;
  return { ast: parsed.ast, errors: verify(parsed.ast, source) };
}

/** Parse and verify; throws the first error (syntax or verification). */
export function parseAndVerify(source: string, options: ParseOptions = {}): QueryNode {
  const { ast, errors } = check(source, options);
  const [first] = errors;
  if (first !== undefined) throw first;
  if (ast === null) throw new Error('unreachable: no tree and no error');
  return ast;
}

function sorted(errors: EqlError[]): EqlError[] {
  return errors.sort((a, b) => a.range.start - b.range.start);
}
