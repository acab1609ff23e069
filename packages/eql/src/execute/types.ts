/**
 * The search contract shared by the server, the CLI and the browser: events in, an
 * Elasticsearch `_eql/search`-shaped response out.
 */

/** A JSON object as stored: nested objects and flat dotted keys are both allowed. */
export type EventSource = Record<string, unknown>;

/** One stored event, as Elasticsearch returns a hit. */
export interface EqlEvent {
  readonly _index: string;
  readonly _id: string;
  readonly _source: EventSource;
}

export interface SearchOptions {
  /** Maximum number of events or sequences returned. Default 10, as in Elasticsearch. */
  readonly size?: number;
  /** Elasticsearch's page size; never changes results here, accepted for compatibility. */
  readonly fetchSize?: number;
  /**
   * Without a `head`/`tail` pipe: `tail` (default, as in Elasticsearch) returns the latest
   * `size` matches, `head` the earliest; either way in ascending order.
   */
  readonly resultPosition?: 'head' | 'tail';
  /** Default `@timestamp`; values are epoch millis (number or numeric string) or ISO-8601. */
  readonly timestampField?: string;
  /** Optional second sort key. */
  readonly tiebreakerField?: string;
  /** Default `event.category`. */
  readonly eventCategoryField?: string;
  /** For `sample`: how many samples per join key combination. Default 1. */
  readonly maxSamplesPerKey?: number;
  /**
   * Set when the caller already delivers events ordered by (timestamp, tiebreaker), e.g. from
   * an indexed store; the executor then skips its own sort and streams in constant memory.
   */
  readonly presorted?: boolean;
  /**
   * With `presorted`, for sequences: check the order instead of trusting it. The executor then
   * never stops early, and the first event it uses that sorts before an earlier one sets its
   * `unsorted` and ends it (`done`), so a caller that can read the input again runs the query
   * again without `presorted`. Streaming sorted input costs no memory; only unsorted input pays.
   */
  readonly verifyOrder?: boolean;
  /**
   * Keep filtering past a full presorted head so that the executor's `matches` is exact (the
   * workbench shows "N matches" beside the `size` it returns). Off by default: Elasticsearch
   * reports only the hits it returns, so an ES-compatible search may stop reading early.
   */
  readonly countMatches?: boolean;
}

/**
 * How many results (events, sequences or samples) the query yields after its pipes and before
 * `size` cuts them: Rulebench's own figure, not part of Elasticsearch's response (whose
 * `hits.total` counts the hits returned). `gte` when the executor stopped reading early.
 */
export interface MatchCount {
  readonly value: number;
  readonly relation: 'eq' | 'gte';
}

export interface EventHit extends EqlEvent {
  /** Set on the placeholder of a missing-event term `![…]` in a sequence. */
  readonly missing?: boolean;
}

export interface SequenceHit {
  readonly join_keys?: readonly unknown[];
  readonly events: readonly EventHit[];
}

export interface EqlSearchResponse {
  readonly is_partial: boolean;
  readonly is_running: boolean;
  readonly took: number;
  readonly timed_out: boolean;
  readonly hits: {
    readonly total: { readonly value: number; readonly relation: 'eq' | 'gte' };
    readonly events?: readonly EventHit[];
    readonly sequences?: readonly SequenceHit[];
  };
}
