/**
 * `explain(query, event)`: for an event query, whether the category matched, the evaluation
 * tree of the condition, and which top-level clauses (operands of the root `and`) failed — so
 * the UI can show why an event matched or not, and find near misses (events failing exactly
 * one clause). For sequences and samples, one explanation per term, in stage order.
 */

import type { EventQueryNode, QueryNode, SourceRange } from '../ast.js';
import { compileFilter } from '../evaluate/compile-condition.js';
import type { CompileContext } from '../evaluate/context.js';
import { type ExplainNode, explainExpression } from '../evaluate/explain.js';
import { type FieldScalar, getFieldValues } from '../evaluate/fields.js';
import { type CompiledQuery, type CompileOptions, compile } from './compile.js';
import { createSequenceExplainer, type SequenceEventExplanation } from './sequence/explain.js';
import { constrainedTermQueries } from './sequence/key-constraints.js';
import type { EventSource } from './types.js';

export interface CategoryExplanation {
  readonly loc: SourceRange;
  /** The category the query asks for; null for `any`. */
  readonly expected: string | null;
  /** The values of the event's category field. */
  readonly actual: readonly FieldScalar[];
  readonly matched: boolean;
}

export interface EventQueryExplanation {
  readonly matched: boolean;
  readonly category: CategoryExplanation;
  readonly condition: ExplainNode;
  /** The operands of the root `and` (or the whole condition when it is not an `and`). */
  readonly clauses: readonly ExplainNode[];
  /** Indexes into `clauses` of those that are false. */
  readonly failedClauses: readonly number[];
}

export interface QueryExplanation {
  readonly kind: QueryNode['body']['kind'];
  /** One per event query: the body itself, or each sequence/sample term (then `until`). */
  readonly terms: readonly EventQueryExplanation[];
  /**
   * Sequences and samples: the stages the event would fill (after `runs` expansion) and the
   * join keys it would take each under; `terms[stage.termIndex]` says why a stage's filter
   * failed. Absent for event queries.
   */
  readonly stages?: SequenceEventExplanation;
}

export interface ExplainOptions extends CompileOptions {
  /** Default `event.category`. */
  readonly eventCategoryField?: string;
}

export function explainEventQuery(
  query: EventQueryNode,
  source: EventSource,
  ctx: CompileContext,
  eventCategoryField = 'event.category',
): EventQueryExplanation {
  const expected = query.category.name;
  const actual = getFieldValues(source, eventCategoryField);
  const category = {
    loc: query.category.loc,
    expected,
    actual,
    matched: expected === null || actual.includes(expected),
  };
  const condition = explainExpression(query.condition, source, ctx, 'filter');
  const clauses =
    query.condition.kind === 'Logical' && query.condition.op === 'and' ? condition.children : [condition];
  const failedClauses = clauses.flatMap((clause, index) => (clause.value === true ? [] : [index]));
  return {
    matched: category.matched && condition.value === true,
    category,
    condition,
    clauses,
    failedClauses,
  };
}

/** Explains how each event query of `query` evaluates on one event's `_source`. */
export function explain(
  query: string | QueryNode | CompiledQuery,
  source: EventSource,
  options: ExplainOptions = {},
): QueryExplanation {
  const compiled = typeof query === 'object' && 'executor' in query ? query : compile(query, options);
  const body = compiled.ast.body;
  const field = options.eventCategoryField;
  const terms = termQueries(body).map((q) => explainEventQuery(q, source, compiled.context, field));
  if (body.kind === 'EventQuery') return { kind: body.kind, terms };
  return { kind: body.kind, terms, stages: sequenceExplainer(compiled, field)(source) };
}

type SequenceExplainer = (source: EventSource) => SequenceEventExplanation;

/** Explaining many events with one compiled query plans its stages once per category field. */
const explainers = new WeakMap<CompiledQuery, Map<string, SequenceExplainer>>();

function sequenceExplainer(
  compiled: CompiledQuery,
  eventCategoryField: string | undefined,
): SequenceExplainer {
  const body = compiled.ast.body;
  if (body.kind === 'EventQuery') throw new TypeError('not a sequence or sample');
  let byField = explainers.get(compiled);
  if (byField === undefined) {
    byField = new Map();
    explainers.set(compiled, byField);
  }
  const field = eventCategoryField ?? 'event.category';
  let explainer = byField.get(field);
  if (explainer === undefined) {
    explainer = createSequenceExplainer(body, { ctx: compiled.context, eventCategoryField: field });
    byField.set(field, explainer);
  }
  return explainer;
}

function termQueries(body: QueryNode['body']): EventQueryNode[] {
  return body.kind === 'EventQuery'
    ? [body]
    : [
        ...constrainedTermQueries(body),
        ...(body.kind === 'Sequence' && body.until !== null ? [body.until.query] : []),
      ];
}

/**
 * The single clause a near miss failed: set when the category matched and exactly one
 * top-level clause is false; `undefined` for matches and for events failing more.
 */
export function nearMissClause(explanation: EventQueryExplanation): ExplainNode | undefined {
  if (!explanation.category.matched || explanation.failedClauses.length !== 1) return undefined;
  return explanation.clauses[explanation.failedClauses[0] as number];
}

export interface ClauseResult {
  readonly categoryMatched: boolean;
  /** Indexes of the failed top-level clauses (as in `EventQueryExplanation.clauses`). */
  readonly failedClauses: readonly number[];
}

/**
 * A fast per-event clause test for scanning many events for near misses: each top-level clause
 * of an event query compiled once. Call `explain` only for the events worth showing.
 */
export function createClauseTester(
  query: string | QueryNode | CompiledQuery,
  options: ExplainOptions = {},
): (source: EventSource) => ClauseResult {
  const compiled = typeof query === 'object' && 'executor' in query ? query : compile(query, options);
  const body = compiled.ast.body;
  if (body.kind !== 'EventQuery') throw new Error('Clause testing applies to event queries only');
  const { condition } = body;
  const clauses = condition.kind === 'Logical' && condition.op === 'and' ? condition.operands : [condition];
  const predicates = clauses.map((clause) => compileFilter(clause, compiled.context));
  const expected = body.category.name;
  const categoryField = options.eventCategoryField ?? 'event.category';
  return (source) => {
    const failedClauses: number[] = [];
    for (let i = 0; i < predicates.length; i++)
      if (!(predicates[i] as (s: EventSource) => boolean)(source)) failedClauses.push(i);
    const categoryMatched = expected === null || getFieldValues(source, categoryField).includes(expected);
    return { categoryMatched, failedClauses };
  };
}
