/**
 * Which results survive `| head N`, `| tail N` and the request's `size` / `result_position`:
 * pipes apply in order to the ordered results, then `size` takes the first (or, for
 * `result_position: tail`, the last) results. The first limit decides what must be kept
 * while streaming: the first K results (a head) or the last K (a tail).
 */

import type { PipeNode } from '../ast.js';
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
    resultPosition: options.resultPosition ?? 'head',
    timestampField: options.timestampField ?? '@timestamp',
    tiebreakerField: options.tiebreakerField === '' ? undefined : options.tiebreakerField,
    eventCategoryField: options.eventCategoryField ?? 'event.category',
    maxSamplesPerKey: options.maxSamplesPerKey ?? 1,
    presorted: options.presorted ?? false,
    countMatches: options.countMatches ?? false,
  };
}

export interface Limit {
  readonly from: 'head' | 'tail';
  readonly count: number;
}

/** The limits to apply in order: each pipe, then `size`. */
export function resultLimits(pipes: readonly PipeNode[], options: ResolvedSearchOptions): Limit[] {
  const limits: Limit[] = [];
  for (const pipe of pipes) {
    const name = pipe.name.toLowerCase();
    if (name !== 'head' && name !== 'tail') throw new Error(`Unsupported pipe [${pipe.name}]`);
    const arg = pipe.args[0];
    const count = arg?.kind === 'Literal' && typeof arg.value === 'number' ? arg.value : DEFAULT_SIZE;
    limits.push({ from: name, count: Math.max(0, Math.trunc(count)) });
  }
  limits.push({ from: options.resultPosition, count: options.size });
  return limits;
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
 * The most results the query's pipes let through (the limits before the final `size`), or
 * Infinity without pipes: a count of results before `size` is the raw count capped by this.
 */
export function pipeCap(limits: readonly Limit[]): number {
  let cap = Number.POSITIVE_INFINITY;
  for (let i = 0; i < limits.length - 1; i++) cap = Math.min(cap, (limits[i] as Limit).count);
  return cap;
}
