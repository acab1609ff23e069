/**
 * Which results survive `| head N`, `| tail N` and the request's `size` / `result_position`,
 * as Elasticsearch's plan builder composes them: without a pipe, `size` takes the first
 * (`result_position: head`) or the last (`tail`, the default) results; with pipes, `size`
 * applies just before the first pipe and in that pipe's direction, so `result_position`
 * no longer matters (`| tail 20` with size 10 returns the last 10, never 10 of the last 20).
 * The first limit decides what must be kept while streaming: the first K results (a head)
 * or the last K (a tail).
 */

import type { PipeNode } from '../ast.js';
import { pipeLimit } from '../evaluate/pipe-limit.js';
import type { SearchOptions } from './types.js';

export interface ResolvedSearchOptions {
  readonly size: number;
  readonly fetchSize: number;
  readonly resultPosition: 'head' | 'tail';
  readonly timestampField: string;
  readonly tiebreakerField: string | undefined;
  readonly eventCategoryField: string;
  readonly maxSamplesPerKey: number;
  readonly presorted: boolean;
  readonly verifyOrder: boolean;
  readonly countMatches: boolean;
}

export const DEFAULT_SIZE = 10;

export function resolveSearchOptions(options: SearchOptions = {}): ResolvedSearchOptions {
  const size = options.size ?? DEFAULT_SIZE;
  if (!Number.isInteger(size) || size < 0)
    throw new RangeError(`size must be a non-negative integer, got ${size}`);
  return {
    size,
    fetchSize: options.fetchSize ?? 1000,
    resultPosition: options.resultPosition ?? 'tail',
    timestampField: options.timestampField ?? '@timestamp',
    tiebreakerField: options.tiebreakerField === '' ? undefined : options.tiebreakerField,
    eventCategoryField: options.eventCategoryField ?? 'event.category',
    maxSamplesPerKey: options.maxSamplesPerKey ?? 1,
    presorted: options.presorted ?? false,
    verifyOrder: options.verifyOrder ?? false,
    countMatches: options.countMatches ?? false,
  };
}

export interface Limit {
  readonly from: 'head' | 'tail';
  readonly count: number;
  /** The request's `size` (not a pipe): it does not cap the count of matches. */
  readonly isSize?: true;
}

/**
 * The limits to apply in order: `size`, then each pipe. `position` is where `size` takes its
 * results from when there is no pipe (the request's `result_position` unless the query kind
 * has no such choice).
 */
export function resultLimits(
  pipes: readonly PipeNode[],
  options: ResolvedSearchOptions,
  position: 'head' | 'tail' = options.resultPosition,
): Limit[] {
  const piped: Limit[] = [];
  for (const pipe of pipes) {
    const name = pipe.name.toLowerCase();
    if (name !== 'head' && name !== 'tail') throw new Error(`Unsupported pipe [${pipe.name}]`);
    piped.push({ from: name, count: pipeLimit(pipe.args[0]) ?? DEFAULT_SIZE });
  }
  const from = piped[0]?.from ?? position;
  return [{ from, count: options.size, isSize: true }, ...piped];
}

/**
 * What streaming must keep: the leading limits that take from the same end, as one (a
 * `size` of 10 followed by `| head 2` keeps the first 2). Later limits need the whole window.
 */
export function firstWindow(limits: readonly Limit[]): Limit {
  const [first] = limits;
  if (first === undefined) return { from: 'head', count: 0 };
  let count = first.count;
  for (const limit of limits) {
    if (limit.from !== first.from) break;
    count = Math.min(count, limit.count);
  }
  return { from: first.from, count };
}

/** Applies limits to an already ordered list. */
export function applyLimits<T>(items: readonly T[], limits: readonly Limit[]): T[] {
  let current = items.slice();
  for (const { from, count } of limits) {
    if (current.length <= count) continue;
    current = from === 'head' ? current.slice(0, count) : current.slice(current.length - count);
  }
  return current;
}

/**
 * The most results the query's pipes let through (every limit but `size`), or Infinity
 * without pipes: a count of results before `size` is the raw count capped by this.
 */
export function pipeCap(limits: readonly Limit[]): number {
  let cap = Number.POSITIVE_INFINITY;
  for (const limit of limits) if (limit.isSize !== true) cap = Math.min(cap, limit.count);
  return cap;
}
