/**
 * Explanations: why an event did or did not match. `explainExpression` evaluates every
 * sub-expression of a condition against one event and records its value, with the semantics
 * the engine uses — filter nodes (the condition and its `and`/`or`/`not` structure, field
 * comparisons) give true/false, value nodes give their computed value, null included.
 */

import type { Expression, SourceRange } from '../ast.js';
import { isEqlError } from '../errors.js';
import type { EventSource } from '../execute/types.js';
import { formatExpression } from '../format.js';
import { childExpressions } from '../walk.js';
import { compileCondition } from './compile-condition.js';
import { compileValue } from './compile-value.js';
import type { CompileContext } from './context.js';
import { type FieldScalar, lookupField } from './fields.js';
import type { EqlValue } from './values.js';

export interface ExplainNode {
  readonly loc: SourceRange;
  readonly kind: Expression['kind'];
  /** The sub-expression as canonical EQL, shortened. */
  readonly label: string;
  /** `filter`: true/false with must/must_not semantics; `value`: three-valued or computed. */
  readonly mode: 'filter' | 'value';
  readonly value: EqlValue;
  /** For fields: every value of the field, and whether it is absent or null. */
  readonly field?: { readonly state: 'missing' | 'null' | 'values'; readonly values: readonly FieldScalar[] };
  /** Set when evaluating this node failed the search (overflow, bad argument…). */
  readonly error?: string;
  readonly children: readonly ExplainNode[];
}

const MAX_LABEL = 120;

function label(node: Expression): string {
  const text = formatExpression(node);
  return text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text;
}

/** Children that are themselves evaluated in filter mode when their parent is. */
function isStructural(node: Expression): node is Expression & { kind: 'Logical' | 'Not' } {
  return node.kind === 'Logical' || node.kind === 'Not';
}

type Compiled = { filter?: (source: EventSource) => boolean; value?: (source: EventSource) => EqlValue };

/** Explaining many events with one query compiles each sub-expression once per context. */
const cache = new WeakMap<CompileContext, WeakMap<Expression, Compiled>>();

function compiledFor(node: Expression, ctx: CompileContext): Compiled {
  let byNode = cache.get(ctx);
  if (byNode === undefined) {
    byNode = new WeakMap();
    cache.set(ctx, byNode);
  }
  let entry = byNode.get(node);
  if (entry === undefined) {
    entry = {};
    byNode.set(node, entry);
  }
  return entry;
}

function filterOf(node: Expression, ctx: CompileContext): (source: EventSource) => boolean {
  const entry = compiledFor(node, ctx);
  entry.filter ??= compileCondition(node, ctx);
  return entry.filter;
}

function valueFnOf(node: Expression, ctx: CompileContext): (source: EventSource) => EqlValue {
  const entry = compiledFor(node, ctx);
  entry.value ??= compileValue(node, ctx).evaluate;
  return entry.value;
}

function evaluate(run: () => EqlValue): { value: EqlValue; error?: string } {
  try {
    return { value: run() };
  } catch (error) {
    if (isEqlError(error)) return { value: null, error: error.message };
    throw error;
  }
}

/** Explains `node` against one event. `mode` is how the parent uses it (`filter` at the root). */
export function explainExpression(
  node: Expression,
  source: EventSource,
  ctx: CompileContext,
  mode: 'filter' | 'value' = 'filter',
): ExplainNode {
  const result =
    mode === 'filter'
      ? evaluate(() => filterOf(node, ctx)(source))
      : evaluate(() => valueFnOf(node, ctx)(source));
  const childMode = mode === 'filter' && isStructural(node) ? 'filter' : 'value';
  const children = childExpressions(node).map((child) => explainExpression(child, source, ctx, childMode));
  const base = { loc: node.loc, kind: node.kind, label: label(node), mode, value: result.value, children };
  const withError = result.error === undefined ? base : { ...base, error: result.error };
  if (node.kind !== 'Field') return withError;
  const lookup = lookupField(source, node.path);
  return {
    ...withError,
    field: { state: lookup.state, values: lookup.state === 'values' ? lookup.values : [] },
  };
}
