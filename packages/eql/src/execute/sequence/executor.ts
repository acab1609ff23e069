/**
 * The executor for `sequence` queries (an `ExecutorFactory`): events are filtered and keyed as
 * they arrive; presorted input streams straight through the state machine, other input keeps
 * only the events some term matches, sorted by (timestamp, tiebreaker, arrival) at `finish`.
 */

import type { SequenceNode } from '../../ast.js';
import type { ExecutorContext, QueryExecutor } from '../context.js';
import { compareKeys, type EventKey } from '../ordering.js';
import type { EqlEvent, EqlSearchResponse, EventHit, MatchCount, SequenceHit } from '../types.js';
import { applyLimits, firstWindow, pipeCap } from '../window.js';
import { extractJoinKeys, type JoinKey } from './join-key.js';
import {
  type SequenceHitRef,
  SequenceMatcher,
  type SequenceMatcherStats,
  type SequenceState,
} from './matcher.js';
import { type PlannedStage, planSequence, type SequencePlan } from './plan.js';

export interface SequenceQueryExecutor extends QueryExecutor {
  /** Matcher counters (pending high-water mark, rejections) for benchmarks and diagnostics. */
  readonly stats: Readonly<SequenceMatcherStats>;
  readonly plan: SequencePlan;
}

/** The placeholder Elasticsearch returns for a missing-event stage. */
export function missingEventHit(): EventHit {
  return { _index: '', _id: '', _source: {}, missing: true };
}

function toHit(event: EqlEvent): EventHit {
  return { _index: event._index, _id: event._id, _source: event._source };
}

export function sequenceToHit(state: SequenceState<EqlEvent>): SequenceHit {
  const events = state.matches.map((m) => (m === undefined ? missingEventHit() : toHit(m.event)));
  return state.key.values.length > 0 ? { join_keys: [...state.key.values], events } : { events };
}

export function sequencesResponse(sequences: readonly SequenceHit[], startedAt: number): EqlSearchResponse {
  return {
    is_partial: false,
    is_running: false,
    took: Date.now() - startedAt,
    timed_out: false,
    hits: { total: { value: sequences.length, relation: 'eq' }, sequences },
  };
}

/** Keys per term (empty when the term does not match) and of the `until` term. */
interface Keyed {
  readonly terms: readonly (readonly JoinKey[])[];
  readonly until: readonly JoinKey[];
}

/**
 * An unsorted event kept for sorting: its sort key inline and which terms its filters passed
 * (bit t for term t, bit 30 for `until`), so that one small object is all it costs until its
 * join keys are read after the sort.
 */
interface Buffered extends EventKey {
  readonly event: EqlEvent;
  readonly matched: number;
}

/** Bit of the `until` term in `Buffered.matched`; terms beyond it are filtered again later. */
const UNTIL_BIT = 30;

const NO_KEYS: readonly JoinKey[] = Object.freeze([]);

export function createSequenceExecutor(node: SequenceNode, ctx: ExecutorContext): SequenceQueryExecutor {
  const plan = planSequence(node, {
    ctx: ctx.compileContext,
    eventCategoryField: ctx.options.eventCategoryField,
    eventFilter: ctx.eventFilter,
  });
  const stages = plan.stages;
  const termStage: PlannedStage[] = [];
  for (const stage of stages) termStage[stage.termIndex] ??= stage;
  const matcher = new SequenceMatcher<EqlEvent>({
    stages: stages.length,
    missing: stages.map((s) => s.missing),
    maxspan: plan.maxspan,
  });
  const { order, limits } = ctx;
  const presorted = ctx.options.presorted;
  const first = firstWindow(limits);
  // With presorted input, completions arrive in result order (unless a trailing missing-event
  // check delays one), so a head can stop the search and a tail only keeps its last results.
  // Counting matches keeps going past a full head until the pipes' cap (never, without pipes).
  const cap = pipeCap(limits);
  const headCount = ctx.options.countMatches ? Math.max(first.count, cap) : first.count;
  // Checking the order means reading to the end: no early stop then.
  const verifyOrder = presorted && ctx.options.verifyOrder;
  const stopAfter =
    presorted && !verifyOrder && first.from === 'head' && !matcher.hasMissingStages ? headCount : Infinity;
  /** With `verifyOrder`: the last event fed, and whether a later one sorted before it. */
  let lastFed: EventKey | undefined;
  let unsorted = false;
  const keepLast = first.from === 'tail' ? first.count : Infinity;
  const buffer: Buffered[] = [];
  const scratch: (readonly JoinKey[])[] = new Array(termStage.length).fill(NO_KEYS);
  // Reused key lists for the streaming path, where nothing keeps them past one event.
  const scratchLists: JoinKey[][] = termStage.map(() => []);
  let arrival = 0;
  let done = stopAfter === 0;
  /** Set when a full head ended the search: the caller may stop reading, so counts are lower bounds. */
  let stoppedEarly = done;
  /** Completed sequences dropped by a tail's trimming (still counted as matches). */
  let trimmed = 0;

  /** Which terms' filters (and `until`'s) the event passes, as bits; -1 (filter again later) past UNTIL_BIT terms. */
  function filterBits(source: Record<string, unknown>): number {
    let bits = 0;
    for (let t = 0; t < termStage.length; t++) {
      if (t >= UNTIL_BIT) return -1;
      if ((termStage[t] as PlannedStage).filter(source)) bits |= 1 << t;
    }
    if (plan.until?.filter(source)) bits |= 1 << UNTIL_BIT;
    return bits;
  }

  /**
   * Join keys per term of an event whose filters gave `bits`, into `out` (lists reused from
   * `lists`); the `until` keys, or null when no term (nor `until`) takes the event.
   */
  function keysFor(
    source: Record<string, unknown>,
    bits: number,
    out: (readonly JoinKey[])[],
    lists: JoinKey[][],
  ): readonly JoinKey[] | null {
    let any = false;
    for (let t = 0; t < termStage.length; t++) {
      const stage = termStage[t] as PlannedStage;
      const passes = bits === -1 ? stage.filter(source) : (bits & (1 << t)) !== 0;
      const keys = passes ? extractJoinKeys(source, stage.keys, lists[t]) : NO_KEYS;
      out[t] = keys;
      if (keys.length > 0) any = true;
    }
    const untilStage = plan.until;
    const untilPasses =
      untilStage !== null && (bits === -1 ? untilStage.filter(source) : (bits & (1 << UNTIL_BIT)) !== 0);
    const until = untilPasses ? extractJoinKeys(source, untilStage.keys) : NO_KEYS;
    return any || until.length > 0 ? until : null;
  }

  function feed(event: EqlEvent, ts: number, terms: Keyed['terms'], until: Keyed['until']): void {
    const pos = matcher.advance(ts);
    let hit: SequenceHitRef<EqlEvent> | undefined;
    // Descending, so that an event never extends a sequence it has just started.
    for (let s = stages.length - 1; s >= 0; s--) {
      const stage = stages[s] as PlannedStage;
      const keys = terms[stage.termIndex] as readonly JoinKey[];
      if (keys.length === 0) continue;
      if (stage.missing) {
        for (const key of keys) matcher.missingEvent(s, key.id, ts);
      } else {
        hit ??= { event, ts, pos };
        for (const key of keys) matcher.match(s, key, hit);
      }
    }
    for (const key of until) matcher.until(key.id);
    if (keepLast !== Infinity) {
      const before = matcher.completedCount;
      matcher.trimCompleted(keepLast);
      trimmed += before - matcher.completedCount;
    }
  }

  return {
    stats: matcher.stats,
    plan,
    get done() {
      return done;
    },
    get unsorted() {
      return unsorted;
    },
    get matches(): MatchCount {
      const value = Math.min(matcher.completedCount + trimmed, cap);
      return { value, relation: stoppedEarly && value < cap ? 'gte' : 'eq' };
    },
    push(event) {
      const index = arrival++;
      if (done) return;
      const ts = order.timestampOf(event);
      // Without a timestamp an event has no place in time, so it takes part in no sequence.
      if (ts === undefined) return;
      const bits = filterBits(event._source);
      if (bits === 0) return;
      if (presorted) {
        const until = keysFor(event._source, bits, scratch, scratchLists);
        if (until === null) return;
        if (verifyOrder) {
          const key = {
            timestamp: ts,
            instant: order.instantOf(event),
            tiebreaker: order.tiebreakerOf(event),
            seq: index,
          };
          if (lastFed !== undefined && compareKeys(key, lastFed) < 0) {
            unsorted = true;
            done = true;
            return;
          }
          lastFed = key;
        }
        feed(event, ts, scratch, until);
        if (matcher.completedCount >= stopAfter) {
          done = true;
          stoppedEarly = true;
        }
        return;
      }
      buffer.push({
        timestamp: ts,
        instant: order.instantOf(event),
        tiebreaker: order.tiebreakerOf(event),
        seq: index,
        event,
        matched: bits,
      });
    },
    finish() {
      done = true;
      if (!presorted) {
        buffer.sort(compareKeys);
        for (const item of buffer) {
          const until = keysFor(item.event._source, item.matched, scratch, scratchLists);
          if (until !== null) feed(item.event, item.timestamp, scratch, until);
        }
        buffer.length = 0;
      }
      matcher.finish();
      const sequences = applyLimits(matcher.completed(), limits).map(sequenceToHit);
      return sequencesResponse(sequences, ctx.startedAt);
    },
  };
}
