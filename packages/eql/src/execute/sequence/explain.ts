/**
 * "Why" for sequences: for one event, which stages of a sequence query it would fill and under
 * which join keys — or why it fills none (the filter failed, or a join-key field has no value).
 * Stateless: it says what the event can do, not which pending sequence it would extend.
 */

import type { QueryNode, SampleNode, SequenceNode } from '../../ast.js';
import { type CompileContext, createCompileContext } from '../../evaluate/context.js';
import { parseAndVerify } from '../../verify.js';
import type { EventSource } from '../types.js';
import { extractJoinKeys, type JoinValue } from './join-key.js';
import { type PlannedStage, planSample, planSequence } from './plan.js';

export interface StageExplanation {
  /** Stage index after `runs` expansion. */
  readonly stage: number;
  /** Index of the term as written, and the repetition within `with runs=N`. */
  readonly termIndex: number;
  readonly run: number;
  /** A missing-event term `![…]`: matching it can only rule sequences out. */
  readonly missing: boolean;
  /** The term's category and condition hold for the event. */
  readonly filterMatches: boolean;
  /** Join keys the event takes the stage under (several for multi-valued key fields). */
  readonly keys: readonly (readonly JoinValue[])[];
  /** Non-optional key fields without a value: they keep a matching event out. */
  readonly keyFieldsWithoutValue: readonly string[];
  /** `filterMatches` and at least one key. */
  readonly fills: boolean;
}

export interface SequenceEventExplanation {
  readonly kind: 'Sequence' | 'Sample';
  readonly keyNames: readonly string[];
  readonly stages: readonly StageExplanation[];
  /** The `until` term, when the query has one. */
  readonly until: StageExplanation | null;
  /** Positive stages the event fills. */
  readonly fills: readonly number[];
}

export interface SequenceExplainerOptions {
  readonly ctx?: CompileContext;
  /** Default `event.category`. */
  readonly eventCategoryField?: string;
}

function explainStage(stage: PlannedStage, index: number, source: EventSource): StageExplanation {
  const filterMatches = stage.filter(source);
  const keys = filterMatches ? extractJoinKeys(source, stage.keys).map((k) => k.values) : [];
  const keyFieldsWithoutValue = stage.keys
    .filter((k) => {
      const raw = k.read(source);
      return !k.optional && (raw === undefined || (typeof raw === 'object' && raw.length === 0));
    })
    .map((k) => k.name);
  return {
    stage: index,
    termIndex: stage.termIndex,
    run: stage.run,
    missing: stage.missing,
    filterMatches,
    keys,
    keyFieldsWithoutValue,
    fills: filterMatches && keys.length > 0,
  };
}

/** Compiles a sequence or sample once; the returned function explains any number of events. */
export function createSequenceExplainer(
  node: SequenceNode | SampleNode,
  options: SequenceExplainerOptions = {},
): (source: EventSource) => SequenceEventExplanation {
  const planOptions = {
    ctx: options.ctx ?? createCompileContext(),
    ...(options.eventCategoryField === undefined ? {} : { eventCategoryField: options.eventCategoryField }),
  };
  const plan =
    node.kind === 'Sequence'
      ? planSequence(node, planOptions)
      : { ...planSample(node, planOptions), until: null };
  return (source) => {
    const stages = plan.stages.map((stage, index) => explainStage(stage, index, source));
    const until = plan.until === null ? null : explainStage(plan.until, plan.stages.length, source);
    return {
      kind: node.kind,
      keyNames: plan.keyNames,
      stages,
      until,
      fills: stages.filter((s) => s.fills && !s.missing).map((s) => s.stage),
    };
  };
}

/** One-off convenience: parses (and verifies) the query, then explains one event. */
export function explainSequenceEvent(
  query: string | QueryNode,
  source: EventSource,
  options: SequenceExplainerOptions = {},
): SequenceEventExplanation {
  const ast = typeof query === 'string' ? parseAndVerify(query) : query;
  if (ast.body.kind === 'EventQuery')
    throw new TypeError('explainSequenceEvent needs a sequence or sample query');
  const ctx = options.ctx ?? createCompileContext({ source: typeof query === 'string' ? query : '' });
  return createSequenceExplainer(ast.body, { ...options, ctx })(source);
}
