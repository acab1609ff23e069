/**
 * What every executor (event query, sequence, sample) is given: resolved options, the event
 * order, the result limits, and the compiled filter of each event query in the body —
 * conditions are compiled once per compiled query and shared by all of its executors.
 */

import type { EventQueryNode, PipeNode } from '../ast.js';
import { compileEventQueryFilter, type Predicate, planCondition } from '../evaluate/compile-condition.js';
import type { CompileContext } from '../evaluate/context.js';
import { dateParser } from '../evaluate/date-formats.js';
import type { FilterPlan } from '../evaluate/filter-plan.js';
import { createEventOrder, type EventOrder } from './ordering.js';
import type { EqlEvent, EqlSearchResponse, MatchCount } from './types.js';
import { type Limit, type ResolvedSearchOptions, resultLimits } from './window.js';

export interface QueryExecutor {
  /** Feeds one event. Events may arrive in any order unless the options say `presorted`. */
  push(event: EqlEvent): void;
  /** True once further events cannot change the result (a presorted head is full). */
  readonly done: boolean;
  /** Set (with `done`) when `verifyOrder` found presorted input out of order: run again unsorted. */
  readonly unsorted?: boolean;
  /** Ends the stream and builds the response. */
  finish(): EqlSearchResponse;
  /** Results before `size` (after pipes), counted so far; final once `finish` has run. */
  readonly matches: MatchCount;
}

export interface ExecutorContext {
  readonly options: ResolvedSearchOptions;
  readonly compileContext: CompileContext;
  readonly pipes: readonly PipeNode[];
  readonly limits: readonly Limit[];
  readonly order: EventOrder;
  /** Category test and condition of an event query, both with filter semantics. */
  readonly eventFilter: (query: EventQueryNode) => Predicate;
  /** `Date.now()` when the executor was created, for `took`. */
  readonly startedAt: number;
}

export type ExecutorFactory<B> = (body: B, ctx: ExecutorContext) => QueryExecutor;

/** Per compiled query: conditions planned once, and compiled once per category field. */
export class ConditionCache {
  private readonly plans = new WeakMap<EventQueryNode, FilterPlan>();
  private readonly filters = new WeakMap<EventQueryNode, Map<string, Predicate>>();

  constructor(readonly compileContext: CompileContext) {}

  /** Plans the condition (compile errors surface here). */
  plan(query: EventQueryNode): FilterPlan {
    let plan = this.plans.get(query);
    if (plan === undefined) {
      plan = planCondition(query.condition, this.compileContext);
      this.plans.set(query, plan);
    }
    return plan;
  }

  /** Category test and condition as one predicate. */
  filter(query: EventQueryNode, eventCategoryField: string): Predicate {
    let byField = this.filters.get(query);
    if (byField === undefined) {
      byField = new Map();
      this.filters.set(query, byField);
    }
    let filter = byField.get(eventCategoryField);
    if (filter === undefined) {
      filter = compileEventQueryFilter(query, eventCategoryField, this.compileContext, this.plan(query));
      byField.set(eventCategoryField, filter);
    }
    return filter;
  }
}

export function createExecutorContext(
  cache: ConditionCache,
  pipes: readonly PipeNode[],
  options: ResolvedSearchOptions,
): ExecutorContext {
  return {
    options,
    compileContext: cache.compileContext,
    pipes,
    limits: resultLimits(pipes, options),
    order: createEventOrder(
      options.timestampField,
      options.tiebreakerField,
      // A `date_nanos` timestamp field orders (and spans) to the nanosecond.
      cache.compileContext.fieldTypes.get(options.timestampField) === 'date_nanos' ? 'nanos' : 'millis',
      // A mapping `format` on the timestamp field is how its values are read, for order too.
      dateParser(cache.compileContext.dateFormats.get(options.timestampField)),
    ),
    startedAt: Date.now(),
    eventFilter: (query) => cache.filter(query, options.eventCategoryField),
  };
}
