/**
 * Turns a `sequence` or `sample` AST into stages ready to run: each stage's event filter
 * (category and condition, with filter semantics) and its join-key fields (the query's `by`
 * followed by the term's `by`). `with runs=N` becomes N identical stages. A term's filter includes
 * the conditions other terms put on the join keys, as Elasticsearch's optimizer copies them.
 */

import type { EventQueryNode, Expression, SampleNode, SequenceNode, SequenceTermNode } from '../../ast.js';
import { compileEventQueryFilter } from '../../evaluate/compile-condition.js';
import { compileValue } from '../../evaluate/compile-value.js';
import type { CompileContext } from '../../evaluate/context.js';
import { EqlEvaluationError } from '../../evaluate/errors.js';
import { compileFieldAccessor } from '../../evaluate/fields.js';
import type { EventSource } from '../types.js';
import type { KeyField } from './join-key.js';
import { constrainedTermQueries } from './key-constraints.js';

export type EventFilter = (source: EventSource) => boolean;

export interface PlannedStage {
  /** Index of the term in the query (a `runs` term yields several stages with one index). */
  readonly termIndex: number;
  /** 0-based repetition within `with runs=N`. */
  readonly run: number;
  readonly missing: boolean;
  readonly filter: EventFilter;
  readonly keys: readonly KeyField[];
  /** The term as written, for explanations. */
  readonly query: EventQueryNode;
}

export interface SequencePlan {
  readonly stages: readonly PlannedStage[];
  readonly until: PlannedStage | null;
  readonly maxspan: number | null;
  /** Printed names of the join keys, e.g. `["user.name", "process.pid"]` (from the first term). */
  readonly keyNames: readonly string[];
}

export interface PlanOptions {
  readonly ctx: CompileContext;
  /** Field holding the event category (default `event.category`). */
  readonly eventCategoryField?: string;
  /** Compiled filter of a term (the executor context's, so conditions compile once). */
  readonly eventFilter?: (query: EventQueryNode) => EventFilter;
}

function keyField(node: Expression, ctx: CompileContext): KeyField {
  if (node.kind === 'Field') {
    const access = compileFieldAccessor(node.path);
    return {
      name: describeKey(node),
      optional: node.optional,
      read: access,
      fail: (message) => new EqlEvaluationError(message, ctx.source, node.loc),
    };
  }
  // Elasticsearch only joins on fields (the verifier says so); values keep other trees usable.
  const compiled = compileValue(node, ctx);
  return {
    name: describeKey(node),
    optional: false,
    fail: (message) => new EqlEvaluationError(message, ctx.source, node.loc),
    read: (source) => {
      const value = compiled.evaluate(source);
      return value === null ? undefined : value;
    },
  };
}

/** Category test + condition, as Elasticsearch filters each term's events. */
export function compileEventFilter(query: EventQueryNode, options: PlanOptions): EventFilter {
  return compileEventQueryFilter(query, options.eventCategoryField ?? 'event.category', options.ctx);
}

function describeKey(node: Expression): string {
  return node.kind === 'Field' ? `${node.optional ? '?' : ''}${node.path.join('.')}` : 'expression';
}

function planTerm(
  term: { query: EventQueryNode; by: readonly Expression[] },
  shared: readonly Expression[],
  termIndex: number,
  options: PlanOptions,
  // The term's query with the key conditions of the other terms (key-constraints.ts).
  query = term.query,
): Omit<PlannedStage, 'run' | 'missing'> {
  return {
    termIndex,
    filter: options.eventFilter ? options.eventFilter(query) : compileEventFilter(query, options),
    keys: [...shared, ...term.by].map((node) => keyField(node, options.ctx)),
    query,
  };
}

function expandRuns(
  term: SequenceTermNode,
  index: number,
  shared: readonly Expression[],
  options: PlanOptions,
  query: EventQueryNode,
): PlannedStage[] {
  const base = planTerm(term, shared, index, options, query);
  const runs = term.runs ?? 1;
  return Array.from({ length: runs }, (_, run) => ({ ...base, run, missing: term.missing }));
}

export function planSequence(node: SequenceNode, options: PlanOptions): SequencePlan {
  const queries = constrainedTermQueries(node);
  const stages = node.terms.flatMap((term, index) =>
    expandRuns(term, index, node.by, options, queries[index] ?? term.query),
  );
  const until = node.until
    ? { ...planTerm(node.until, node.by, node.terms.length, options), run: 0, missing: false }
    : null;
  const first = node.terms[0];
  return {
    stages,
    until,
    maxspan: node.maxspan?.millis ?? null,
    keyNames: [...node.by, ...(first?.by ?? [])].map(describeKey),
  };
}

export interface SamplePlan {
  readonly stages: readonly PlannedStage[];
  readonly keyNames: readonly string[];
}

export function planSample(node: SampleNode, options: PlanOptions): SamplePlan {
  const queries = constrainedTermQueries(node);
  const stages = node.terms.map((term, index) => ({
    ...planTerm(term, node.by, index, options, queries[index]),
    run: 0,
    missing: false,
  }));
  const first = node.terms[0];
  return { stages, keyNames: [...node.by, ...(first?.by ?? [])].map(describeKey) };
}
