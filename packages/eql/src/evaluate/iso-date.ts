/**
 * The two parsers of an Elasticsearch `date` field's default format,
 * `strict_date_optional_time||epoch_millis`, read exactly as Elasticsearch 8.x/9.x reads them
 * (`DateFormatters`: its `Iso8601Parser` first, then the java.time formatter; `EpochTime`):
 *
 * - `yyyy[-MM[-dd[THH[:mm[:ss[(.|,)f…]]]][zone]]]` — a four-digit year (a leading `-` makes it
 *   negative), an upper-case `T` (a space does not do), hour 00-23, minute and second 00-59 (no
 *   leap second), a day that exists in its month, one to nine fraction digits, and a zone only
 *   after the hour: `Z`, `±HH`, `±HHmm`, `±HH:mm` (with seconds too), or a `java.time.ZoneId`
 *   such as `UTC`, `GMT+2` or `Europe/Paris`. No zone means UTC. Nothing else is trimmed or
 *   tolerated: `"2020-01-01 10:00:00"` is not a date.
 * - epoch millis: an optional `-` (never `+`), one to 19 digits, and optionally `.` with up to
 *   six digits of a fraction of a millisecond.
 *
 * Values are instants to the nanosecond; a millisecond `date` keeps `millis` (the floor, as
 * `Instant.toEpochMilli` does).
 */

/** An instant to the nanosecond: epoch millis (an integer) and the nanoseconds within it. */
export interface PreciseInstant {
  readonly millis: number;
  /** 0 to 999,999. */
  readonly nanos: number;
}

const MILLIS_PER_DAY = 86_400_000;
const MAX_OFFSET_SECONDS = 18 * 3600;

function preciseOf(millis: number, nanos: number): PreciseInstant | undefined {
  return Number.isSafeInteger(millis) ? { millis, nanos } : undefined;
}

/** The number written by `count` ASCII digits at `start`, or -1. */
function digitsAt(text: string, start: number, count: number): number {
  if (start + count > text.length) return -1;
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (any year, unlike `Date.UTC`'s 0-99). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** `±h`, `±hh`, `±hh:mm`, `±hhmm`, `±hh:mm:ss`, `±hhmmss` as `ZoneOffset.of` reads them. */
function zoneOffsetOf(text: string): number | undefined {
  const match = /^([+-])(\d{1,2})(?:(:?)(\d{2})(?:\3(\d{2}))?)?$/.exec(text);
  if (match === null) return undefined;
  const [, sign, h = '', colon = '', m = '0', s = '0'] = match;
  if (h.length === 1 && (colon !== '' || match[4] !== undefined)) return undefined;
  const hours = Number(h);
  const minutes = Number(m);
  const seconds = Number(s);
  if (hours > 18 || minutes > 59 || seconds > 59) return undefined;
  const total = hours * 3600 + minutes * 60 + seconds;
  return total > MAX_OFFSET_SECONDS ? undefined : (sign === '-' ? -total : total) * 1000;
}

/** A numeric offset as `Iso8601Parser` reads it: `±HH`, then `[:]mm`, then the same `[:]ss`. */
function numericOffset(text: string): number | undefined {
  const match = /^([+-])(\d{2})(?:(:?)(\d{2})(?:\3(\d{2}))?)?$/.exec(text);
  if (match === null) return undefined;
  const [, sign, h = '0', , m = '0', s = '0'] = match;
  const total = Number(h) * 3600 + Number(m) * 60 + Number(s);
  return total > MAX_OFFSET_SECONDS ? undefined : (sign === '-' ? -total : total) * 1000;
}

const zoneFormats = new Map<string, Intl.DateTimeFormat | null>();

function zoneFormat(zone: string): Intl.DateTimeFormat | null {
  let format = zoneFormats.get(zone);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      format = null;
    }
    zoneFormats.set(zone, format);
  }
  return format;
}

/** The offset (ms) of a region zone at an instant. */
function regionOffsetAt(format: Intl.DateTimeFormat, instant: number): number {
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(instant))) parts[part.type] = Number(part.value);
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  const local =
    daysFromCivil(year, month, day) * MILLIS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000;
  return local - (instant - (((instant % 1000) + 1000) % 1000));
}

/**
 * The offset of a region zone for a local date-time, as `ZonedDateTime.ofLocal` resolves it:
 * in an overlap the earlier offset, in a gap the offset before it (the time moves later).
 */
function regionOffset(format: Intl.DateTimeFormat, local: number): number {
  const before = regionOffsetAt(format, local - MILLIS_PER_DAY);
  const after = regionOffsetAt(format, local + MILLIS_PER_DAY);
  const valid = [before, after].filter((offset) => regionOffsetAt(format, local - offset) === offset);
  return valid.length === 0 ? before : Math.max(...valid);
}

/** The offset (ms) a zone text gives a local date-time (ms), or `undefined` for no zone. */
function zoneOffset(zone: string, local: number): number | undefined {
  if (zone === 'Z') return 0;
  const first = zone.charCodeAt(0);
  if (first === 43 /* + */ || first === 45 /* - */) return numericOffset(zone);
  // `ZoneId.of`: `UTC`, `GMT` and `UT`, alone or with an offset, then region ids.
  const prefix = /^(?:UTC|GMT|UT)(?=$|[+-])/.exec(zone)?.[0];
  if (prefix !== undefined)
    return zone.length === prefix.length ? 0 : zoneOffsetOf(zone.slice(prefix.length));
  if (!/^[A-Za-z][A-Za-z0-9~/._+-]+$/.test(zone)) return undefined;
  const format = zoneFormat(zone);
  return format === null ? undefined : regionOffset(format, local);
}

const isZoneStart = (code: number): boolean =>
  code === 43 || code === 45 || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

/** Fields of the date-time `readFields` last read: year, month, day, hour, minute, second, nanos. */
const fields = new Float64Array(7);

const field = (index: number): number => fields[index] ?? 0;

/** Sets fields from `index` on to their defaults (month and day 1, the rest 0). */
function defaultFrom(index: number): void {
  for (let i = index; i < 7; i++) fields[i] = i === 1 || i === 2 ? 1 : 0;
}

/** Reads two digits at `pos` into `fields[index]` when they are within [min, max]. */
function readTwo(text: string, pos: number, index: number, min: number, max: number): boolean {
  const value = digitsAt(text, pos, 2);
  fields[index] = value;
  return value >= min && value <= max;
}

/**
 * Reads a date-time into `fields` without allocating (ordering parses the timestamp of every
 * match). Returns where the zone text starts (the length when there is none), or -1.
 */
function readFields(text: string, fullTime: boolean): number {
  const len = text.length;
  const negative = text.charCodeAt(0) === 45;
  let pos = negative ? 1 : 0;
  const year = digitsAt(text, pos, 4);
  if (year < 0) return -1;
  fields[0] = negative ? -year : year;
  pos += 4;
  defaultFrom(1);
  if (pos === len) return len;
  if (text[pos] !== '-' || !readTwo(text, pos + 1, 1, 1, 12)) return -1;
  pos += 3;
  if (pos === len) return len;
  if (
    text[pos] !== '-' ||
    !readTwo(text, pos + 1, 2, 1, daysInMonth(fields[0] as number, fields[1] as number))
  )
    return -1;
  pos += 3;
  if (pos === len) return len;
  if (text[pos] !== 'T') return -1;
  pos++;
  if (pos === len) return fullTime ? -1 : len;
  // Hour, minute, second: each may end the text or be followed by a zone.
  for (let index = 3; index <= 5; index++) {
    if (index > 3 && text[pos++] !== ':') return -1;
    if (!readTwo(text, pos, index, 0, index === 3 ? 23 : 59)) return -1;
    pos += 2;
    if (pos === len || isZoneStart(text.charCodeAt(pos))) return fullTime && index < 5 ? -1 : pos;
  }
  if (text[pos] !== '.' && text[pos] !== ',') return -1;
  const start = ++pos;
  let nanos = 0;
  for (; pos < len && pos - start < 9; pos++) {
    const digit = text.charCodeAt(pos) - 48;
    if (digit < 0 || digit > 9) break;
    nanos = nanos * 10 + digit;
  }
  if (pos === start) return -1;
  for (let i = pos - start; i < 9; i++) nanos *= 10;
  fields[6] = nanos;
  return pos === len || isZoneStart(text.charCodeAt(pos)) ? pos : -1;
}

/**
 * The canonical UTC forms `yyyy-MM-ddTHH:mm:ssZ` and `yyyy-MM-ddTHH:mm:ss.SSSZ` (what ECS data
 * almost always holds) by fixed offsets: the fast path of `parseStrictIso`, same answers.
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
  if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23) return undefined;
  if (minute < 0 || minute > 59 || second < 0 || second > 59 || millis < 0) return undefined;
  if (day > daysInMonth(year, month)) return undefined;
  return (
    daysFromCivil(year, month, day) * MILLIS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + millis
  );
}

/**
 * `strict_date_optional_time` (or, with `fullTime`, `strict_date_optional_time_nanos`, whose
 * time when present must have hours, minutes and seconds). `undefined` when it does not parse.
 */
export function parseStrictIso(text: string, fullTime = false): PreciseInstant | undefined {
  const canonical = parseCanonical(text);
  if (canonical !== undefined) return { millis: canonical, nanos: 0 };
  const zoneAt = readFields(text, fullTime);
  if (zoneAt < 0) return undefined;
  const nanos = field(6);
  const local =
    daysFromCivil(field(0), field(1), field(2)) * MILLIS_PER_DAY +
    ((field(3) * 60 + field(4)) * 60 + field(5)) * 1000 +
    Math.floor(nanos / 1e6);
  // `Z` at the end, what ECS data almost always has, needs no zone text.
  const utc = zoneAt === text.length || (zoneAt === text.length - 1 && text.charCodeAt(zoneAt) === 90);
  const offset = utc ? 0 : zoneOffset(text.slice(zoneAt), local);
  if (offset === undefined) return undefined;
  return preciseOf(local - offset, nanos % 1e6);
}

const EPOCH = /^(-?)(\d{1,19})(?:\.(\d*))?$/;
const LONG_MAX = 9_223_372_036_854_775_807n;

/**
 * Epoch text as `EpochTime` reads it: `epoch_millis` (`unitMillis` 1, fraction to six digits)
 * or `epoch_second` (1000, to nine). The fraction counts from zero in the sign's direction.
 */
export function parseEpochText(text: string, unitMillis: 1 | 1000 = 1): PreciseInstant | undefined {
  const match = EPOCH.exec(text);
  if (match === null) return undefined;
  const [, sign, whole = '', fraction = ''] = match;
  const maxFraction = unitMillis === 1 ? 6 : 9;
  if (fraction.length > maxFraction || (whole.length === 19 && BigInt(whole) > LONG_MAX)) return undefined;
  // Nanoseconds of the fraction, then of the whole instant past its millisecond.
  const fractionNanos = fraction === '' ? 0 : Number(fraction.padEnd(maxFraction, '0'));
  const wholeMillis = Number(whole) * unitMillis;
  const extraMillis = unitMillis === 1 ? 0 : Math.floor(fractionNanos / 1e6);
  const nanosInMilli = unitMillis === 1 ? fractionNanos : fractionNanos % 1e6;
  const magnitude = wholeMillis + extraMillis;
  if (sign === '') return preciseOf(magnitude, nanosInMilli);
  // -5.25 ms is 6 ms before the epoch plus 0.75 ms.
  return nanosInMilli === 0
    ? preciseOf(-magnitude || 0, 0)
    : preciseOf(-magnitude - 1, 1_000_000 - nanosInMilli);
}
