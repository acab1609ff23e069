/**
 * Event order as Elasticsearch sorts EQL results: timestamp ascending (events without a usable
 * timestamp first, as the `NULLS FIRST` sort has them), then the tiebreaker ascending with
 * missing values last, then arrival order (ES falls back to index order).
 */

import { toEpochMillis } from '../evaluate/dates.js';
import { compileFieldAccessor, type FieldScalar } from '../evaluate/fields.js';
import type { EqlEvent } from './types.js';

/** Sort key of one event; `seq` is its arrival index. */
export interface EventKey {
  readonly timestamp: number;
  readonly tiebreaker: FieldScalar | undefined;
  readonly seq: number;
}

export interface EventOrder {
  /** Epoch millis, or `undefined` when the event has no usable timestamp. */
  readonly timestampOf: (event: EqlEvent) => number | undefined;
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
  const tb = compareTiebreakers(a.tiebreaker, b.tiebreaker);
  return tb !== 0 ? tb : a.seq - b.seq;
}

export function createEventOrder(timestampField: string, tiebreakerField: string | undefined): EventOrder {
  const timestampAccess = compileFieldAccessor(timestampField);
  const tiebreakerAccess = tiebreakerField === undefined ? undefined : compileFieldAccessor(tiebreakerField);
  // A multi-valued sort field sorts by its smallest value (Elasticsearch's `min` mode for asc).
  const timestampOf = (event: EqlEvent): number | undefined => {
    const raw = timestampAccess(event._source);
    if (raw === undefined) return undefined;
    if (typeof raw !== 'object') return toEpochMillis(raw);
    let min: number | undefined;
    for (const value of raw) {
      const millis = toEpochMillis(value);
      if (millis !== undefined && (min === undefined || millis < min)) min = millis;
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
    tiebreakerOf,
    keyOf: (event, seq) => ({
      timestamp: timestampOf(event) ?? Number.NEGATIVE_INFINITY,
      tiebreaker: tiebreakerOf(event),
      seq,
    }),
  };
}
