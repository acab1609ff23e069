/**
 * What every executor (event query, sequence, sample) is given: resolved options, the event
 * order, the result limits, and the compiled filter of each event query in the body —
 * conditions are compiled once per compiled query and shared by all of its executors.
 */

import type { EventQueryNode, PipeNode } from '../ast.js';
import { anyValue, compileCondition, type Predicate } from '../evaluate/compile-condition.js';
import type { CompileContext } from '../evaluate/context.js';
import { compileFieldAccessor } from '../evaluate/fields.js';
import { createEventOrder, type EventOrder } from './ordering.js';
import type { EqlEvent, EqlSearchResponse, EventSource } from './types.js';
import { type Limit, type ResolvedSearchOptions, resultLimits } from './window.js';

export interface QueryExecutor {
  /** Feeds one event. Events may arrive in any order unless the options say `presorted`. */
  push(event: EqlEvent): void;
  /** True once further events cannot change the result (a presorted head is full). */
  readonly done: boolean;
  /** Ends the stream and builds the response. */
  finish(): EqlSearchResponse;
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

/** Per compiled query: conditions compiled once, whatever the executor options. */
export class ConditionCache {
  private readonly conditions = new WeakMap<EventQueryNode, Predicate>();

  constructor(readonly compileContext: CompileContext) {}

  condition(query: EventQueryNode): Predicate {
    let predicate = this.conditions.get(query);
    if (predicate === undefined) {
      predicate = compileCondition(query.condition, this.compileContext);
      this.conditions.set(query, predicate);
    }
    return predicate;
  }
}

function categoryFilter(name: string | null, field: string): Predicate | undefined {
  if (name === null) return undefined;
  return anyValue(compileFieldAccessor(field), (value) => value === name);
}

export function createExecutorContext(
  cache: ConditionCache,
  pipes: readonly PipeNode[],
  options: ResolvedSearchOptions,
): ExecutorContext {
  const filters = new WeakMap<EventQueryNode, Predicate>();
  return {
    options,
    compileContext: cache.compileContext,
    pipes,
    limits: resultLimits(pipes, options),
    order: createEventOrder(options.timestampField, options.tiebreakerField),
    startedAt: Date.now(),
    eventFilter(query) {
      let filter = filters.get(query);
      if (filter === undefined) {
        const condition = cache.condition(query);
        const category = categoryFilter(query.category.name, options.eventCategoryField);
        filter =
          category === undefined ? condition : (source: EventSource) => category(source) && condition(source);
        filters.set(query, filter);
      }
      return filter;
    },
  };
}
