/**
 * Leading and trailing missing-event checks (`![…]` before the first / after the last positive
 * stage), as Elasticsearch decides them once the positive stages are complete:
 * - leading: the nearest such event with a timestamp strictly before the sequence start;
 * - trailing: the nearest such event with a timestamp strictly after the last positive event.
 * With only leading stages the sequence is kept unless that event lies within maxspan of the
 * last positive event; with only trailing ones, unless it lies within maxspan of the start;
 * with both, unless the two lie within maxspan of each other. No such event: kept.
 * A trailing check waits until the stream shows it cannot fail any more.
 */

import type { SequenceMatcherStats, SequenceState } from './matcher.js';

interface LeadingMark {
  last: number;
  prev: number;
}

interface Waiting<E> {
  readonly state: SequenceState<E>;
  /** Timestamp the first trailing event is measured from (leading event, or start). */
  readonly base: number;
}

export interface MissingEventTrackerConfig {
  readonly maxspan: number;
  readonly leading: boolean;
  readonly trailing: boolean;
}

export class MissingEventTracker<E> {
  private readonly maxspan: number;
  private readonly leading: boolean;
  private readonly trailing: boolean;
  private readonly leadingMarks = new Map<string, LeadingMark>();
  private readonly waiting = new Map<string, Waiting<E>[]>();
  private waitingCount = 0;
  private nextDeadline = Number.POSITIVE_INFINITY;

  constructor(config: MissingEventTrackerConfig) {
    this.maxspan = config.maxspan;
    this.leading = config.leading;
    this.trailing = config.trailing;
  }

  get hasUndecided(): boolean {
    return this.waitingCount > 0;
  }

  /** Nearest leading missing event for `keyId` strictly before `ts`. */
  leadingBefore(keyId: string, ts: number): number | undefined {
    if (!this.leading) return undefined;
    const mark = this.leadingMarks.get(keyId);
    if (mark === undefined) return undefined;
    const nearest = mark.last < ts ? mark.last : mark.prev;
    return nearest === Number.NEGATIVE_INFINITY ? undefined : nearest;
  }

  leadingEvent(keyId: string, ts: number): void {
    const mark = this.leadingMarks.get(keyId);
    if (mark === undefined) this.leadingMarks.set(keyId, { last: ts, prev: Number.NEGATIVE_INFINITY });
    else if (ts > mark.last) {
      mark.prev = mark.last;
      mark.last = ts;
    }
  }

  /** A sequence whose positive stages are complete and whose middle gaps are clean. */
  candidate(state: SequenceState<E>, done: SequenceState<E>[], stats: SequenceMatcherStats): void {
    const leadingTs = state.leadingTs;
    if (!this.trailing) {
      if (leadingTs === undefined || state.last.ts - leadingTs > this.maxspan) accept(state, done, stats);
      else stats.rejectedMissing++;
      return;
    }
    if (this.leading && leadingTs === undefined) {
      accept(state, done, stats);
      return;
    }
    const base = leadingTs ?? state.start.ts;
    const list = this.waiting.get(state.key.id);
    const entry: Waiting<E> = { state, base };
    if (list === undefined) this.waiting.set(state.key.id, [entry]);
    else list.push(entry);
    this.waitingCount++;
    if (base + this.maxspan < this.nextDeadline) this.nextDeadline = base + this.maxspan;
  }

  trailingEvent(keyId: string, ts: number, done: SequenceState<E>[], stats: SequenceMatcherStats): void {
    const list = this.waiting.get(keyId);
    if (list === undefined) return;
    const keep: Waiting<E>[] = [];
    for (const entry of list) {
      if (ts <= entry.state.last.ts) {
        keep.push(entry);
        continue;
      }
      this.waitingCount--;
      if (ts - entry.base > this.maxspan) accept(entry.state, done, stats);
      else stats.rejectedMissing++;
    }
    if (keep.length === 0) this.waiting.delete(keyId);
    else this.waiting.set(keyId, keep);
  }

  /** The clock moved to `ts`: checks whose window has passed can no longer fail. */
  advance(ts: number, done: SequenceState<E>[], stats: SequenceMatcherStats): void {
    if (ts <= this.nextDeadline) return;
    let next = Number.POSITIVE_INFINITY;
    for (const [keyId, list] of this.waiting) {
      const keep: Waiting<E>[] = [];
      for (const entry of list) {
        const deadline = entry.base + this.maxspan;
        if (deadline < ts) {
          this.waitingCount--;
          accept(entry.state, done, stats);
        } else {
          keep.push(entry);
          if (deadline < next) next = deadline;
        }
      }
      if (keep.length === 0) this.waiting.delete(keyId);
      else this.waiting.set(keyId, keep);
    }
    this.nextDeadline = next;
  }

  finish(done: SequenceState<E>[], stats: SequenceMatcherStats): void {
    for (const list of this.waiting.values()) for (const entry of list) accept(entry.state, done, stats);
    this.waiting.clear();
    this.waitingCount = 0;
    this.nextDeadline = Number.POSITIVE_INFINITY;
  }

  /** Leading marks older than `oldest` can no longer reject anything. */
  prune(oldest: number): void {
    for (const [keyId, mark] of this.leadingMarks) if (mark.last < oldest) this.leadingMarks.delete(keyId);
  }
}

function accept<E>(state: SequenceState<E>, done: SequenceState<E>[], stats: SequenceMatcherStats): void {
  done.push(state);
  stats.completed++;
}
