/**
 * The sequence state machine, independent of how events are filtered or keyed.
 *
 * Events arrive one at a time in search order (timestamp, tiebreaker, arrival). For each event
 * the caller reports, in this order: `advance(ts)`, then every stage the event fills with the
 * key it fills it under — stages in DESCENDING order, so an event never extends a sequence it
 * started itself — then the missing-event stages it matches, then the `until` keys it matches.
 *
 * Semantics, as Elasticsearch's SequenceMatcher and its documentation define them:
 * - One pending sequence per stage and key; a newer one replaces the older ("newest wins").
 * - An event of stage i takes the pending sequence of the previous positive stage (removing
 *   it); if `ts - start > maxspan` the sequence is dropped there (maxspan is inclusive).
 * - `until` drops the key's pending sequences; because it is reported after the stage matches,
 *   an until event ends sequences that stopped on it too, but not the step into it.
 * - Missing-event stages `![…]` never move a sequence; they decide at completion: a middle one
 *   rejects when such an event lies strictly between its neighbours' timestamps; leading and
 *   trailing ones compare the nearest such event before the start / after the last positive
 *   event with maxspan (see `missing.ts`).
 * - Completed sequences are ordered by their LAST event (then first event, then key). The
 *   issue asked for "ordered by their first event as Elasticsearch has done since 7.11", and
 *   ES's own comments say so (PR #64869, SequenceMatcher's `completed` set), but its code does
 *   not: `completed` is a TreeSet of `Sequence`, whose `compareTo` compares `ordinal()`, the
 *   ordinal of the sequence's current stage, i.e. its last event once complete. ES's test data
 *   agree with the code: `sequenceAllKeysOptional` (test_extra.toml) expects [12,13,14] before
 *   [11,16,17], and `sequenceWithMultivalue_ManyToMany` expects three sequences ending on the same
 *   event 23, ordered by first event then key. The suites win (see DESIGN.md), so last event.
 * State is pruned by maxspan, so memory stays bounded by the keys active within one maxspan.
 */

import { compareJoinKeys, type JoinKey } from './join-key.js';
import { MissingEventTracker } from './missing.js';

/** One matched event of a sequence: the caller's event reference plus its place in the stream. */
export interface SequenceHitRef<E> {
  readonly event: E;
  readonly ts: number;
  /** Position in the stream (0-based); the final tiebreaker. */
  readonly pos: number;
}

export interface SequenceMatcherConfig {
  /** Stage count after `runs` expansion, missing stages included. */
  readonly stages: number;
  /** Per stage: written `![…]`. */
  readonly missing?: readonly boolean[];
  /** In milliseconds; `null` when the query has no maxspan. */
  readonly maxspan: number | null;
}

/** A pending or completed sequence. `matches[i]` is undefined for missing stages. */
export interface SequenceState<E> {
  readonly key: JoinKey;
  readonly matches: (SequenceHitRef<E> | undefined)[];
  stage: number;
  readonly start: SequenceHitRef<E>;
  last: SequenceHitRef<E>;
  /** Nearest leading missing event strictly before the start (only with leading `![…]`). */
  leadingTs: number | undefined;
  /** Earliest middle missing event seen after the last match, for the current gap. */
  gapTs: number | undefined;
  /** A middle missing event fell inside a gap: rejected at completion, but still moves on. */
  doomed: boolean;
}

export interface SequenceMatcherStats {
  /** Pending sequences right now. */
  pending: number;
  /** The most pending sequences held at once (memory high-water mark). */
  pendingMax: number;
  completed: number;
  rejectedMaxspan: number;
  rejectedUntil: number;
  rejectedMissing: number;
}

function compareHits<E>(a: SequenceHitRef<E>, b: SequenceHitRef<E>): number {
  return a.pos - b.pos;
}

/** Search order of completed sequences: last event, then first event, then key (see the header). */
export function compareCompleted<E>(a: SequenceState<E>, b: SequenceState<E>): number {
  return (
    compareHits(a.last, b.last) ||
    compareHits(a.start, b.start) ||
    compareJoinKeys(a.key.values, b.key.values)
  );
}

export class SequenceMatcher<E> {
  readonly stages: number;
  readonly maxspan: number | null;
  readonly firstPositive: number;
  readonly lastPositive: number;
  private readonly missingStages: readonly boolean[];
  private readonly previousPositive: readonly number[];
  /** Pending sequences per positive stage (the last positive stage completes instead). */
  private readonly slots: Map<string, SequenceState<E>>[];
  private readonly missing: MissingEventTracker<E> | null;
  private readonly done: SequenceState<E>[] = [];
  private clock = Number.NEGATIVE_INFINITY;
  private nextPruneAt = Number.NEGATIVE_INFINITY;
  private pos = -1;
  readonly stats: SequenceMatcherStats = {
    pending: 0,
    pendingMax: 0,
    completed: 0,
    rejectedMaxspan: 0,
    rejectedUntil: 0,
    rejectedMissing: 0,
  };

  constructor(config: SequenceMatcherConfig) {
    this.stages = config.stages;
    this.maxspan = config.maxspan;
    const missing = config.missing ?? [];
    this.missingStages = Array.from({ length: config.stages }, (_, i) => missing[i] === true);
    this.firstPositive = this.missingStages.indexOf(false);
    this.lastPositive = this.missingStages.lastIndexOf(false);
    if (this.firstPositive < 0) throw new Error('A sequence needs at least one positive stage');
    const previous: number[] = [];
    let last = -1;
    for (let i = 0; i < config.stages; i++) {
      previous.push(last);
      if (!this.missingStages[i]) last = i;
    }
    this.previousPositive = previous;
    this.slots = Array.from({ length: config.stages }, () => new Map<string, SequenceState<E>>());
    const hasMissing = this.missingStages.includes(true);
    if (hasMissing && this.maxspan === null) throw new Error('Missing events require maxspan');
    this.missing = hasMissing
      ? new MissingEventTracker<E>({
          maxspan: this.maxspan ?? 0,
          leading: this.firstPositive > 0,
          trailing: this.lastPositive < config.stages - 1,
        })
      : null;
  }

  get hasMissingStages(): boolean {
    return this.missing !== null;
  }

  isMissingStage(stage: number): boolean {
    return this.missingStages[stage] === true;
  }

  /** Starts a new event at timestamp `ts`; returns its stream position. */
  advance(ts: number): number {
    this.pos++;
    if (ts > this.clock) this.clock = ts;
    if (this.missing) this.missing.advance(ts, this.done, this.stats);
    if (this.maxspan !== null && ts >= this.nextPruneAt) {
      this.prune(ts - this.maxspan);
      this.nextPruneAt = ts + this.maxspan;
    }
    return this.pos;
  }

  /** Reports that the current event fills positive `stage` under `key`. */
  match(stage: number, key: JoinKey, hit: SequenceHitRef<E>): void {
    if (stage === this.firstPositive) {
      const state: SequenceState<E> = {
        key,
        matches: new Array<SequenceHitRef<E> | undefined>(this.stages).fill(undefined),
        stage,
        start: hit,
        last: hit,
        leadingTs: this.missing?.leadingBefore(key.id, hit.ts),
        gapTs: undefined,
        doomed: false,
      };
      state.matches[stage] = hit;
      if (stage === this.lastPositive) this.complete(state);
      else this.put(stage, state);
      return;
    }
    const previous = this.previousPositive[stage] as number;
    const slot = this.slots[previous] as Map<string, SequenceState<E>>;
    const state = slot.get(key.id);
    if (state === undefined) return;
    slot.delete(key.id);
    this.stats.pending--;
    if (this.maxspan !== null && hit.ts - state.start.ts > this.maxspan) {
      this.stats.rejectedMaxspan++;
      return;
    }
    if (state.gapTs !== undefined && state.gapTs < hit.ts) state.doomed = true;
    state.gapTs = undefined;
    state.matches[stage] = hit;
    state.stage = stage;
    state.last = hit;
    if (stage === this.lastPositive) this.complete(state);
    else this.put(stage, state);
  }

  /** Reports that the current event, at `ts`, matches missing-event `stage` under `keyId`. */
  missingEvent(stage: number, keyId: string, ts: number): void {
    if (!this.missing) return;
    if (stage < this.firstPositive) {
      this.missing.leadingEvent(keyId, ts);
    } else if (stage > this.lastPositive) {
      this.missing.trailingEvent(keyId, ts, this.done, this.stats);
    } else {
      const previous = this.previousPositive[stage] as number;
      const state = this.slots[previous]?.get(keyId);
      if (state !== undefined && ts > state.last.ts && state.gapTs === undefined) state.gapTs = ts;
    }
  }

  /** Reports that the current event matches the `until` term under `keyId`. */
  until(keyId: string): void {
    for (let stage = this.firstPositive; stage < this.lastPositive; stage++) {
      const slot = this.slots[stage] as Map<string, SequenceState<E>>;
      if (slot.delete(keyId)) {
        this.stats.pending--;
        this.stats.rejectedUntil++;
      }
    }
  }

  /** Ends the stream: sequences still waiting on a trailing missing event are accepted. */
  finish(): void {
    if (this.missing) this.missing.finish(this.done, this.stats);
  }

  /** Accepted sequences in result order. */
  completed(): SequenceState<E>[] {
    return [...this.done].sort(compareCompleted);
  }

  /**
   * Keeps only the last `count` accepted sequences in result order (for `tail`): always safe,
   * since a sequence accepted later can only push the cut further back. Amortised: trims when
   * the list has grown well past `count`.
   */
  trimCompleted(count: number): void {
    if (this.done.length < 2 * count + 64) return;
    const kept = this.completed().slice(-count);
    this.done.length = 0;
    this.done.push(...kept);
  }

  /** Number of accepted sequences so far (some may still wait on a trailing check). */
  get completedCount(): number {
    return this.done.length;
  }

  /** Whether a trailing missing-event check could still add a sequence. */
  get hasUndecided(): boolean {
    return this.missing?.hasUndecided ?? false;
  }

  /** The sequence pending at `stage` for `keyId`, if any (for explanations and tests). */
  pendingAt(stage: number, keyId: string): SequenceState<E> | undefined {
    return this.slots[stage]?.get(keyId);
  }

  private put(stage: number, state: SequenceState<E>): void {
    const slot = this.slots[stage] as Map<string, SequenceState<E>>;
    const before = slot.size;
    slot.set(state.key.id, state);
    if (slot.size > before) {
      this.stats.pending++;
      if (this.stats.pending > this.stats.pendingMax) this.stats.pendingMax = this.stats.pending;
    }
  }

  private complete(state: SequenceState<E>): void {
    if (state.doomed) {
      this.stats.rejectedMissing++;
      return;
    }
    if (this.missing) {
      this.missing.candidate(state, this.done, this.stats);
      return;
    }
    this.done.push(state);
    this.stats.completed++;
  }

  /** Drops pending sequences that can no longer complete within maxspan. */
  private prune(oldestStart: number): void {
    for (const slot of this.slots) {
      slot.forEach((state, id) => {
        if (state.start.ts < oldestStart) {
          slot.delete(id);
          this.stats.pending--;
        }
      });
    }
    if (this.missing) this.missing.prune(oldestStart);
  }
}
