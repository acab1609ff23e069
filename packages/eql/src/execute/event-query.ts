/**
 * The event-query executor: filter, then keep only the results the limits can return — a
 * bounded heap of the first (or last) K matches, or, for presorted input, a plain list that
 * stops growing (head) or a ring of the last K (tail).
 */

import type { EventQueryNode } from '../ast.js';
import { BoundedHeap } from './bounded-heap.js';
import type { ExecutorContext, QueryExecutor } from './context.js';
import { compareKeys, type EventKey } from './ordering.js';
import type { EqlEvent, EqlSearchResponse, EventHit } from './types.js';
import { applyLimits } from './window.js';

interface Kept {
  readonly key: EventKey;
  readonly event: EqlEvent;
}

const byKey = (a: Kept, b: Kept): number => compareKeys(a.key, b.key);
const byKeyReversed = (a: Kept, b: Kept): number => compareKeys(b.key, a.key);

/**
 * The `_eql/search` response for an event query. `total` counts every match seen; it is a
 * lower bound (`gte`) when a presorted head stopped reading early.
 */
export function eventsResponse(
  events: readonly EventHit[],
  total: number,
  startedAt: number,
  relation: 'eq' | 'gte' = 'eq',
): EqlSearchResponse {
  return {
    is_partial: false,
    is_running: false,
    took: Date.now() - startedAt,
    timed_out: false,
    hits: { total: { value: total, relation }, events },
  };
}

export function createEventQueryExecutor(query: EventQueryNode, ctx: ExecutorContext): QueryExecutor {
  const filter = ctx.eventFilter(query);
  const [first] = ctx.limits;
  const from = first?.from ?? 'head';
  const capacity = first?.count ?? 0;
  const { order } = ctx;
  const presorted = ctx.options.presorted;
  const heap = new BoundedHeap<Kept>(capacity, from === 'head' ? byKey : byKeyReversed);
  const list: Kept[] = [];
  let seq = 0;
  let matched = 0;
  let done = capacity === 0;
  let stoppedEarly = false;

  return {
    get done() {
      return done;
    },
    push(event) {
      const index = seq++;
      if (done) {
        stoppedEarly = true;
        return;
      }
      if (!filter(event._source)) return;
      matched++;
      const kept: Kept = { key: order.keyOf(event, index), event };
      if (!presorted) {
        heap.push(kept);
        return;
      }
      list.push(kept);
      if (from === 'head') {
        if (list.length >= capacity) done = true;
      } else if (list.length > capacity * 2) {
        list.splice(0, list.length - capacity);
      }
    },
    finish() {
      let ordered: Kept[];
      if (presorted) {
        ordered = from === 'head' ? list.slice(0, capacity) : list.slice(Math.max(0, list.length - capacity));
      } else {
        ordered = heap.sorted();
        if (from === 'tail') ordered.reverse();
      }
      const hits = applyLimits(ordered, ctx.limits.slice(1)).map(({ event }) => event);
      return eventsResponse(hits, matched, ctx.startedAt, stoppedEarly ? 'gte' : 'eq');
    },
  };
}
