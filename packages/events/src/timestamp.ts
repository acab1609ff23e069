/**
 * `@timestamp` values as Elasticsearch accepts them for a `date` field: epoch millis (number or
 * numeric string) or ISO-8601 / RFC 3339 text, within the range of dates we can store and print
 * (±8.64e15 ms, about ±273,000 years around 1970, the range of an ISO-8601 `Date`). Shared by the
 * server's importer and the CLI's `import`, so both reject the same records with the same words.
 */

import { toEpochMillis } from '@rulebench/eql';

/** The largest distance from the epoch, in milliseconds, a timestamp may have. */
export const MAX_TIMESTAMP_MILLIS = 8.64e15;

/**
 * Epoch millis, or undefined when the value is not a date or is out of range. The engine's own
 * reading (`toEpochMillis`: Elasticsearch's `strict_date_optional_time||epoch_millis`, finer
 * fractions floored), so a record the importer accepts is one every query can place in time,
 * and one Elasticsearch would refuse to index is refused here too.
 */
export function parseTimestamp(value: unknown): number | undefined {
  const millis = toEpochMillis(value);
  return millis === undefined ? undefined : inRange(millis);
}

/**
 * Why a present, non-null timestamp value was refused, naming it as the input spelled it: a
 * number too big for a double parses to Infinity and would print as `null` through JSON, so
 * `text` (the record's JSON text, when known) is searched for the literal; without it the
 * number is printed by JavaScript (`Infinity`).
 */
export function timestampProblem(field: string, value: unknown, text?: string): string {
  const shown = showValue(field, value, text);
  if (isOutOfRange(value))
    return `${field} ${shown} is out of range (dates must be within ±8.64e15 ms of 1970)`;
  return `${field} ${shown} is neither ISO-8601 nor epoch millis`;
}

function isOutOfRange(value: unknown): boolean {
  if (typeof value === 'number') return Number.isNaN(value) ? false : inRange(value) === undefined;
  return (
    typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value) && parseTimestamp(value) === undefined
  );
}

function showValue(field: string, value: unknown, text: string | undefined): string {
  // A number as written: doubles round (-99999999999999999 reads as -1e17) or overflow to Infinity.
  if (typeof value === 'number') {
    const literal = text === undefined ? undefined : numberLiteral(text, field);
    return literal ?? String(value);
  }
  const json = JSON.stringify(value);
  return json === undefined ? String(value) : json.length > 80 ? `${json.slice(0, 77)}…` : json;
}

/** The number written after `"field":` in JSON text, when the field occurs exactly once. */
function numberLiteral(text: string, field: string): string | undefined {
  const key = JSON.stringify(field);
  const first = text.indexOf(key);
  if (first === -1 || text.indexOf(key, first + 1) !== -1) return undefined;
  const match = /^\s*:\s*(-?[0-9][0-9.eE+-]{0,40})/.exec(
    text.slice(first + key.length, first + key.length + 64),
  );
  return match?.[1];
}

function inRange(millis: number): number | undefined {
  if (!Number.isFinite(millis)) return undefined;
  const whole = Math.trunc(millis);
  return Math.abs(whole) <= MAX_TIMESTAMP_MILLIS ? whole : undefined;
}

/** Epoch millis as ISO-8601, or undefined for a value no `Date` can hold (never throws). */
export function timestampToIso(millis: number): string | undefined {
  if (!Number.isFinite(millis) || Math.abs(millis) > MAX_TIMESTAMP_MILLIS) return undefined;
  return new Date(millis).toISOString();
}
