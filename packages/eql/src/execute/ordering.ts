/**
 * Event order as Elasticsearch sorts EQL results: timestamp ascending (events without a usable
 * timestamp first, as the `NULLS FIRST` sort has them), then the tiebreaker ascending with
 * missing values last, then arrival order (ES falls back to index order).
 *
 * A `date_nanos` timestamp field orders to the nanosecond: its key's `timestamp` is epoch
 * millis with the nanoseconds as a fraction, and where two such doubles are equal the exact
 * instants (`instant`) decide, as Elasticsearch's nanosecond sort would.
 */

import {
  comparePreciseInstants,
  type PreciseInstant,
  toEpochMillis,
  toFractionalMillis,
  toPreciseInstant,
} from '../evaluate/dates.js';
import { compileFieldAccessor, type FieldScalar } from '../evaluate/fields.js';
import type { EqlEvent } from './types.js';

/** Sort key of one event; `seq` is its arrival index. */
export interface EventKey {
  readonly timestamp: number;
  /** The exact timestamp of a `date_nanos` field (absent for millisecond timestamps). */
  readonly instant?: PreciseInstant | undefined;
  readonly tiebreaker: FieldScalar | undefined;
  readonly seq: number;
}

export interface EventOrder {
  /** Epoch millis, or `undefined` when the event has no usable timestamp. */
  readonly timestampOf: (event: EqlEvent) => number | undefined;
  /** The exact instant when the timestamp field is `date_nanos`, else always `undefined`. */
  readonly instantOf: (event: EqlEvent) => PreciseInstant | undefined;
  readonly tiebreakerOf: (event: EqlEvent) => FieldScalar | undefined;
  readonly keyOf: (event: EqlEvent, seq: number) => EventKey;
}

function compareTiebreakers(a: FieldScalar | undefined, b: FieldScalar | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  if (typeof a === typeof b) return a < b ? -1 : a > b ? 1 : 0;
  // Mixed types: numbers before strings before booleans, a stable if arbitrary choice.
  const rank = (v: FieldScalar): number => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  return rank(a) - rank(b);
}

export function compareKeys(a: EventKey, b: EventKey): number {
  if (a.timestamp !== b.timestamp) return a.timestamp < b.timestamp ? -1 : 1;
  if (a.instant !== undefined && b.instant !== undefined) {
    const exact = comparePreciseInstants(a.instant, b.instant);
    if (exact !== 0) return exact;
  }
  const tb = compareTiebreakers(a.tiebreaker, b.tiebreaker);
  return tb !== 0 ? tb : a.seq - b.seq;
}

/** `nanos` for a `date_nanos` timestamp field, else `millis` (sub-millisecond parts dropped). */
export type TimestampPrecision = 'millis' | 'nanos';

export function createEventOrder(
  timestampField: string,
  tiebreakerField: string | undefined,
  precision: TimestampPrecision = 'millis',
): EventOrder {
  const timestampAccess = compileFieldAccessor(timestampField);
  const tiebreakerAccess = tiebreakerField === undefined ? undefined : compileFieldAccessor(tiebreakerField);
  const millisOf = precision === 'nanos' ? toFractionalMillis : toEpochMillis;
  // A multi-valued sort field sorts by its smallest value (Elasticsearch's `min` mode for asc).
  const timestampOf = (event: EqlEvent): number | undefined => {
    const raw = timestampAccess(event._source);
    if (raw === undefined) return undefined;
    if (typeof raw !== 'object') return millisOf(raw);
    let min: number | undefined;
    for (const value of raw) {
      const millis = millisOf(value);
      if (millis !== undefined && (min === undefined || millis < min)) min = millis;
    }
    return min;
  };
  const instantOf = (event: EqlEvent): PreciseInstant | undefined => {
    if (precision !== 'nanos') return undefined;
    const raw = timestampAccess(event._source);
    if (raw === undefined) return undefined;
    if (typeof raw !== 'object') return toPreciseInstant(raw);
    let min: PreciseInstant | undefined;
    for (const value of raw) {
      const instant = toPreciseInstant(value);
      if (instant !== undefined && (min === undefined || comparePreciseInstants(instant, min) < 0))
        min = instant;
    }
    return min;
  };
  const tiebreakerOf = (event: EqlEvent): FieldScalar | undefined => {
    if (tiebreakerAccess === undefined) return undefined;
    const raw = tiebreakerAccess(event._source);
    if (typeof raw !== 'object') return raw;
    let min: FieldScalar | undefined;
    for (const value of raw) if (min === undefined || compareTiebreakers(value, min) < 0) min = value;
    return min;
  };
  return {
    timestampOf,
    instantOf,
    tiebreakerOf,
    keyOf:
      precision === 'nanos'
        ? (event, seq) => ({
            timestamp: timestampOf(event) ?? Number.NEGATIVE_INFINITY,
            instant: instantOf(event),
            tiebreaker: tiebreakerOf(event),
            seq,
          })
        : (event, seq) => ({
            timestamp: timestampOf(event) ?? Number.NEGATIVE_INFINITY,
            tiebreaker: tiebreakerOf(event),
            seq,
          }),
  };
}
