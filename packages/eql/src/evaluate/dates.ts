/**
 * Timestamps as Elasticsearch `date` fields read them by default
 * (`strict_date_optional_time||epoch_millis`, parsed as `iso-date.ts` describes: the ISO form
 * first, so `"2017"` is a year and `"100"` epoch millis). A date-time without an offset is UTC.
 * A millisecond `date` keeps the floor of finer fractions (`Instant.toEpochMilli`).
 *
 * A `date_nanos` field keeps them (`strict_date_optional_time_nanos||epoch_millis`): an ISO
 * fraction to nine digits, and epoch millis with a fraction of a millisecond
 * (`"131509374294.365140"`), read exactly as a `PreciseInstant`.
 *
 * A JSON number is taken as epoch millis: that is what a dynamically mapped field (`long`)
 * holds; under an explicit `date` mapping Elasticsearch would read its text, so a four-digit
 * number would be a year (elastic/elasticsearch#51080).
 */

import { type PreciseInstant, parseEpochText, parseStrictIso } from './iso-date.js';

export type { PreciseInstant } from './iso-date.js';

/** Epoch millis of a `strict_date_optional_time` string, or `undefined` when it is not one. */
export function parseIsoDate(text: string): number | undefined {
  return parseStrictIso(text)?.millis;
}

/**
 * Epoch millis of a timestamp value: a finite number, or a string in the default date format.
 * `undefined` for anything else: a `date` field would refuse the document (a space for `T`,
 * `2021-02-30`, `25:00`, a `+` sign, ten fraction digits…).
 */
export function toEpochMillis(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.floor(value) : undefined;
  if (typeof value !== 'string') return undefined;
  return (parseStrictIso(value) ?? parseEpochText(value))?.millis;
}

/**
 * The instant a `date_nanos` field holds for a value: a number (epoch millis, its fraction
 * rounded to the nanosecond), an epoch-millis string (fraction exact), or an ISO-8601 string.
 */
export function toPreciseInstant(value: unknown): PreciseInstant | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    const millis = Math.floor(value);
    const nanos = Math.min(999_999, Math.round((value - millis) * 1e6));
    return Number.isSafeInteger(millis) ? { millis, nanos } : undefined;
  }
  if (typeof value !== 'string') return undefined;
  return parseStrictIso(value, true) ?? parseEpochText(value);
}

/** Orders two precise instants. */
export function comparePreciseInstants(a: PreciseInstant, b: PreciseInstant): number {
  if (a.millis !== b.millis) return a.millis < b.millis ? -1 : 1;
  return a.nanos - b.nanos;
}

/**
 * Epoch millis with the nanoseconds as a fraction, for arithmetic such as `maxspan` (a double:
 * about a quarter-microsecond resolution for current dates; order is settled by the exact
 * `PreciseInstant` where it must be).
 */
export function toFractionalMillis(value: unknown): number | undefined {
  const instant = toPreciseInstant(value);
  return instant === undefined ? undefined : instant.millis + instant.nanos / 1e6;
}
