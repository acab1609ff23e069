/**
 * Timestamps as Elasticsearch `date` fields accept them by default
 * (`strict_date_optional_time||epoch_millis`): epoch milliseconds as a number or a numeric
 * string, or an ISO-8601 date/date-time. A date-time without an offset is UTC, as in ES (not
 * local time, as `Date.parse` would have it). Fractions finer than milliseconds are truncated.
 *
 * A `date_nanos` field keeps them (`strict_date_optional_time_nanos||epoch_millis`): an ISO
 * fraction to nine digits, and epoch millis with a fraction of a millisecond
 * (`"131509374294.365140"`), read exactly as a `PreciseInstant`.
 */

const ISO =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[Tt ](\d{2})(?::(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?)?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

const EPOCH = /^[+-]?\d+(?:\.\d+)?$/;

function offsetMinutes(zone: string): number {
  if (zone === 'Z' || zone === 'z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  return sign * (hours * 60 + minutes);
}

function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * The canonical UTC forms `YYYY-MM-DDTHH:MM:SSZ` and `YYYY-MM-DDTHH:MM:SS.sssZ` (what ECS data
 * almost always holds), read without a regular expression: ordering parses every match's
 * timestamp.
 */
function parseCanonical(text: string): number | undefined {
  const length = text.length;
  if ((length !== 20 && length !== 24) || text.charCodeAt(length - 1) !== 90 /* Z */) return undefined;
  if (text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':' || text[16] !== ':')
    return undefined;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  const second = digitsAt(text, 17, 2);
  const millis = length === 24 ? (text[19] === '.' ? digitsAt(text, 20, 3) : -1) : 0;
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 24) return undefined;
  if (minute < 0 || minute > 59 || second < 0 || second > 60 || millis < 0) return undefined;
  return Date.UTC(year, month - 1, day, hour, minute, second, millis);
}

/** Epoch millis of an ISO-8601 string, or `undefined` when it is not one. */
export function parseIsoDate(text: string): number | undefined {
  const canonical = parseCanonical(text);
  if (canonical !== undefined) return canonical;
  const match = ISO.exec(text.trim());
  if (match === null) return undefined;
  const [, y, mo = '1', d = '1', h = '0', mi = '0', s = '0', fraction = '', zone] = match;
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60)
    return undefined;
  const millis = fraction === '' ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0'));
  const utc = Date.UTC(Number(y), month - 1, day, hour, minute, second, millis);
  if (Number.isNaN(utc)) return undefined;
  return zone === undefined ? utc : utc - offsetMinutes(zone) * 60_000;
}

/**
 * Epoch millis of a timestamp value: a finite number, a numeric string, or an ISO-8601 string.
 * `undefined` for anything else (the event then has no usable timestamp). A fraction of a
 * millisecond is dropped (floored, as `Instant.toEpochMilli` does): a `date` field stores millis.
 */
export function toEpochMillis(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.floor(value) : undefined;
  if (typeof value !== 'string') return undefined;
  // ES tries the date format first: "2017" is a year, "100" (not four digits) is millis.
  const iso = parseIsoDate(value);
  if (iso !== undefined) return iso;
  return EPOCH.test(value) ? Math.floor(Number(value)) : undefined;
}

/** An instant to the nanosecond: epoch millis (an integer) and the nanoseconds within it. */
export interface PreciseInstant {
  readonly millis: number;
  /** 0 to 999,999. */
  readonly nanos: number;
}

/** Nanoseconds from a fraction of a millisecond given as decimal digits (`"365140"`). */
function nanosOfDigits(digits: string): number {
  return digits === '' ? 0 : Number(digits.slice(0, 6).padEnd(6, '0'));
}

function preciseOf(millis: number, nanos: number): PreciseInstant | undefined {
  if (!Number.isSafeInteger(millis)) return undefined;
  return { millis, nanos };
}

/** `[+-]digits[.digits]` epoch millis, the fraction read as nanoseconds without rounding. */
function preciseEpoch(text: string): PreciseInstant | undefined {
  if (!EPOCH.test(text)) return undefined;
  const negative = text.startsWith('-');
  const unsigned = negative || text.startsWith('+') ? text.slice(1) : text;
  const dot = unsigned.indexOf('.');
  const whole = Number(dot < 0 ? unsigned : unsigned.slice(0, dot));
  const nanos = dot < 0 ? 0 : nanosOfDigits(unsigned.slice(dot + 1));
  if (!negative) return preciseOf(whole, nanos);
  // -5.25 ms is 6 ms before the epoch plus 0.75 ms.
  return nanos === 0 ? preciseOf(-whole, 0) : preciseOf(-whole - 1, 1_000_000 - nanos);
}

/** An ISO-8601 date-time with its fraction to the nanosecond (digits past nine are dropped). */
function preciseIso(text: string): PreciseInstant | undefined {
  const millis = parseIsoDate(text);
  if (millis === undefined) return undefined;
  const match = /[.,](\d+)/.exec(text);
  // The fraction's first three digits are in `millis` already; the next six are nanoseconds.
  return preciseOf(millis, match === null ? 0 : nanosOfDigits((match[1] ?? '').slice(3, 9)));
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
    return preciseOf(millis, nanos);
  }
  if (typeof value !== 'string') return undefined;
  return preciseIso(value) ?? preciseEpoch(value);
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
