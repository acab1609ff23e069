/**
 * The event-query executor: filter, then keep only the results the limits can return — a
 * bounded heap of the first (or last) K matches, or, for presorted input, a plain list that
 * stops growing (head) or a ring of the last K (tail).
 */

import type { EventQueryNode } from '../ast.js';
import { BoundedHeap } from './bounded-heap.js';
import type { ExecutorContext, QueryExecutor } from './context.js';
import { compareKeys, type EventKey } from './ordering.js';
import type { EqlEvent, EqlSearchResponse, EventHit, MatchCount } from './types.js';
import { applyLimits, pipeCap } from './window.js';

interface Kept {
  readonly key: EventKey;
  readonly event: EqlEvent;
}

const byKey = (a: Kept, b: Kept): number => compareKeys(a.key, b.key);
const byKeyReversed = (a: Kept, b: Kept): number => compareKeys(b.key, a.key);

/**
 * The `_eql/search` response for an event query. As in Elasticsearch, `total` is the number of
 * hits returned (always `eq`); how many matched in all is the executor's `matches`.
 */
export function eventsResponse(events: readonly EventHit[], startedAt: number): EqlSearchResponse {
  return {
    is_partial: false,
    is_running: false,
    took: Date.now() - startedAt,
    timed_out: false,
    hits: { total: { value: events.length, relation: 'eq' }, events },
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
  // Counting stops being useful once the pipes' cap is reached; before that, `countMatches`
  // keeps filtering events after the kept results are complete.
  const cap = pipeCap(ctx.limits);
  const counting = ctx.options.countMatches;
  let seq = 0;
  let matched = 0;
  /** No further event can change the returned results. */
  let full = capacity === 0;
  /** No further event can change the results or the count. */
  let done = full && (!counting || cap === 0);

  return {
    get done() {
      return done;
    },
    get matches(): MatchCount {
      const value = Math.min(matched, cap);
      // Done before the cap means the caller may have stopped reading: a lower bound.
      return { value, relation: done && value < cap ? 'gte' : 'eq' };
    },
    push(event) {
      const index = seq++;
      if (done) return;
      if (!filter(event._source)) return;
      matched++;
      if (full) {
        if (matched >= cap) done = true;
        return;
      }
      const kept: Kept = { key: order.keyOf(event, index), event };
      if (!presorted) {
        heap.push(kept);
        return;
      }
      list.push(kept);
      if (from === 'head') {
        if (list.length >= capacity) {
          full = true;
          done = !counting || matched >= cap;
        }
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
      return eventsResponse(hits, ctx.startedAt);
    },
  };
}
