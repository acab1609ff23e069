/**
 * Event order as Elasticsearch sorts EQL results: timestamp ascending (events without a
 * timestamp first, as the `NULLS FIRST` sort has them), then the tiebreaker ascending, then
 * arrival order (ES falls back to index order). A missing tiebreaker sorts first in an event
 * query (its search sorts both fields with `missing: _first`) and last in a sequence (whose
 * `Ordinal` puts nulls last).
 *
 * An event whose timestamp field holds a value the `date` field cannot parse is one
 * Elasticsearch refuses at index time (`mapper_parsing_exception`): `rejects` says so, and no
 * query returns it.
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
  /** Epoch millis; -Infinity without a timestamp; NaN for an event `rejects` refuses. */
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
  /**
   * `descending` for a search sorted newest first (a `tail`): a multi-valued field then sorts
   * by its largest value, as Elasticsearch's `max` sort mode does.
   */
  readonly keyOf: (event: EqlEvent, seq: number, descending?: boolean) => EventKey;
  /** True when the timestamp field holds a value (or one of its values) that is not a date. */
  readonly rejects: (event: EqlEvent) => boolean;
}

function compareTiebreakers(a: FieldScalar | undefined, b: FieldScalar | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  if (typeof a === typeof b) return a < b ? -1 : a > b ? 1 : 0;
  // Mixed types: numbers before strings before booleans. Elasticsearch has one mapping type per
  // field, so it never sees this; comparing "8" with 9 numerically here would make the order
  // intransitive once non-numeric strings join in.
  const rank = (v: FieldScalar): number => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  return rank(a) - rank(b);
}

function compareTimes(a: EventKey, b: EventKey): number {
  if (a.timestamp !== b.timestamp) return a.timestamp < b.timestamp ? -1 : 1;
  if (a.instant !== undefined && b.instant !== undefined) return comparePreciseInstants(a.instant, b.instant);
  return 0;
}

/** Sequence order: a missing tiebreaker after present ones (ES `Ordinal.compareTo`). */
export function compareKeys(a: EventKey, b: EventKey): number {
  const time = compareTimes(a, b);
  if (time !== 0) return time;
  const tb = compareTiebreakers(a.tiebreaker, b.tiebreaker);
  return tb !== 0 ? tb : a.seq - b.seq;
}

/**
 * Event-query order: a missing tiebreaker before present ones, as the search's
 * `NullsPosition.FIRST` sort has it (ES `LogicalPlanBuilder` default order, `Optimizer`
 * `changeOrderDirection`).
 */
export function compareEventKeys(a: EventKey, b: EventKey): number {
  const time = compareTimes(a, b);
  if (time !== 0) return time;
  if (a.tiebreaker === undefined && b.tiebreaker !== undefined) return -1;
  if (b.tiebreaker === undefined && a.tiebreaker !== undefined) return 1;
  const tb = compareTiebreakers(a.tiebreaker, b.tiebreaker);
  return tb !== 0 ? tb : a.seq - b.seq;
}

/** `nanos` for a `date_nanos` timestamp field, else `millis` (sub-millisecond parts dropped). */
export type TimestampPrecision = 'millis' | 'nanos';

/**
 * `parseDate` reads one value of a millisecond timestamp field (default: the default date
 * format; a mapping `format` gives another, see `date-formats.ts`).
 */
export function createEventOrder(
  timestampField: string,
  tiebreakerField: string | undefined,
  precision: TimestampPrecision = 'millis',
  parseDate: (value: unknown) => number | undefined = toEpochMillis,
): EventOrder {
  const timestampAccess = compileFieldAccessor(timestampField);
  const tiebreakerAccess = tiebreakerField === undefined ? undefined : compileFieldAccessor(tiebreakerField);
  const millisOf = precision === 'nanos' ? toFractionalMillis : parseDate;
  // Epoch millis; undefined without a value; NaN when a value is not a date (a refused document).
  // A multi-valued sort field sorts by its smallest value ascending and by its largest
  // descending (Elasticsearch's default sort `mode`); `direction` is 1 or -1.
  const readMillis = (event: EqlEvent, direction = 1): number | undefined => {
    const raw = timestampAccess(event._source);
    if (raw === undefined) return undefined;
    if (typeof raw !== 'object') return millisOf(raw) ?? Number.NaN;
    let best: number | undefined;
    for (const value of raw) {
      const millis = millisOf(value);
      if (millis === undefined) return Number.NaN;
      if (best === undefined || (millis - best) * direction < 0) best = millis;
    }
    return best;
  };
  const timestampOf = (event: EqlEvent): number | undefined => {
    const millis = readMillis(event);
    return millis === undefined || Number.isNaN(millis) ? undefined : millis;
  };
  const rejects = (event: EqlEvent): boolean => Number.isNaN(readMillis(event));
  const instantOf = (event: EqlEvent, direction = 1): PreciseInstant | undefined => {
    if (precision !== 'nanos') return undefined;
    const raw = timestampAccess(event._source);
    if (raw === undefined) return undefined;
    if (typeof raw !== 'object') return toPreciseInstant(raw);
    let best: PreciseInstant | undefined;
    for (const value of raw) {
      const instant = toPreciseInstant(value);
      if (
        instant !== undefined &&
        (best === undefined || comparePreciseInstants(instant, best) * direction < 0)
      )
        best = instant;
    }
    return best;
  };
  const tiebreakerOf = (event: EqlEvent, direction = 1): FieldScalar | undefined => {
    if (tiebreakerAccess === undefined) return undefined;
    const raw = tiebreakerAccess(event._source);
    if (typeof raw !== 'object') return raw;
    let best: FieldScalar | undefined;
    for (const value of raw)
      if (best === undefined || compareTiebreakers(value, best) * direction < 0) best = value;
    return best;
  };
  return {
    timestampOf,
    instantOf,
    tiebreakerOf,
    rejects,
    keyOf:
      precision === 'nanos'
        ? (event, seq, descending) => {
            const direction = descending === true ? -1 : 1;
            return {
              timestamp: readMillis(event, direction) ?? Number.NEGATIVE_INFINITY,
              instant: instantOf(event, direction),
              tiebreaker: tiebreakerOf(event, direction),
              seq,
            };
          }
        : (event, seq, descending) => {
            const direction = descending === true ? -1 : 1;
            return {
              timestamp: readMillis(event, direction) ?? Number.NEGATIVE_INFINITY,
              tiebreaker: tiebreakerOf(event, direction),
              seq,
            };
          },
  };
}
