/**
 * The default `date` format, `strict_date_optional_time||epoch_millis`, as Elasticsearch 8.x/9.x
 * parses it. Facts from elastic/elasticsearch `server/.../common/time/Iso8601Parser.java`,
 * `DateFormatters.java` (STRICT_DATE_OPTIONAL_TIME: Iso8601DateTimeParser, then the java.time
 * formatter with ResolverStyle.STRICT) and `EpochTime.java` (MILLISECONDS_FORMATTER1/2).
 */

import { describe, expect, it } from 'vitest';
import { toEpochMillis } from './dates.js';
import { parseEpochText, parseStrictIso } from './iso-date.js';

const utc = (...parts: [number, number, number, number?, number?, number?, number?]): number =>
  Date.UTC(...parts);

describe('strict_date_optional_time', () => {
  it('reads each optional part, UTC without a zone', () => {
    expect(toEpochMillis('2020')).toBe(utc(2020, 0, 1));
    expect(toEpochMillis('2020-03')).toBe(utc(2020, 2, 1));
    expect(toEpochMillis('2020-03-04')).toBe(utc(2020, 2, 4));
    // Iso8601Parser: a `T` with nothing after it is midnight; the hour alone is enough.
    expect(toEpochMillis('2020-03-04T')).toBe(utc(2020, 2, 4));
    expect(toEpochMillis('2020-03-04T05')).toBe(utc(2020, 2, 4, 5));
    expect(toEpochMillis('2020-03-04T05:06')).toBe(utc(2020, 2, 4, 5, 6));
    expect(toEpochMillis('2020-03-04T05:06:07')).toBe(utc(2020, 2, 4, 5, 6, 7));
    expect(toEpochMillis('2020-03-04T05:06:07.8')).toBe(utc(2020, 2, 4, 5, 6, 7, 800));
    expect(toEpochMillis('2020-03-04T05:06:07,123456789')).toBe(utc(2020, 2, 4, 5, 6, 7, 123));
  });

  it('refuses what a date field refuses (the document would not be indexed)', () => {
    for (const text of [
      '2020-03-04 05:06:07', // a space is not `T`
      '2020-03-04t05:06:07', // nor a lower-case `t`
      ' 2020-03-04', // nothing is trimmed
      '2020-03-04T05:06:07 Z',
      '2020-03-04Z', // a zone only after the hour
      '2021-02-29', // STRICT resolver: the day must exist
      '2021-02-29T00:00:00Z', // also on the canonical fast path
      '2021-01-01T24:00:00.000Z',
      '2020-03-04T24:00:00',
      '2020-03-04T05:06:60', // no leap second
      '2020-03-04T05:06:07.1234567891Z', // at most nine fraction digits
      '2020-03-04T05:06:07z',
      '20-03-04',
      '2020-3-4',
    ]) {
      expect(toEpochMillis(text), text).toBeUndefined();
    }
  });

  it('reads numeric offsets and java.time zone ids', () => {
    const instant = utc(2020, 0, 1, 10);
    expect(toEpochMillis('2020-01-01T10:00:00Z')).toBe(instant);
    expect(toEpochMillis('2020-01-01T11:00:00+01')).toBe(instant);
    expect(toEpochMillis('2020-01-01T11:00:00+0100')).toBe(instant);
    expect(toEpochMillis('2020-01-01T11:00:00+01:00')).toBe(instant);
    expect(toEpochMillis('2020-01-01T11:00:30+01:00:30')).toBe(instant);
    expect(toEpochMillis('2020-01-01T12Z')).toBe(utc(2020, 0, 1, 12));
    expect(toEpochMillis('2020-01-01T10:00:00UTC')).toBe(instant);
    expect(toEpochMillis('2020-01-01T12:00:00GMT+02:00')).toBe(instant);
    expect(toEpochMillis('2020-01-01T11:00:00Europe/Paris')).toBe(instant);
    expect(toEpochMillis('2020-01-01T10:00:00+19:00')).toBeUndefined();
    expect(toEpochMillis('2020-01-01T10:00:00Nowhere/Land')).toBeUndefined();
  });

  it('resolves a region zone in a gap or overlap as ZonedDateTime.ofLocal does', () => {
    // 02:30 does not exist in Paris on 2021-03-28: moved later by the gap (03:30+02:00).
    expect(parseStrictIso('2021-03-28T02:30:00Europe/Paris')?.millis).toBe(utc(2021, 2, 28, 1, 30));
    // 02:30 happens twice on 2021-10-31: the earlier offset (+02:00).
    expect(parseStrictIso('2021-10-31T02:30:00Europe/Paris')?.millis).toBe(utc(2021, 9, 31, 0, 30));
  });

  it('reads a four-digit number, even negative, as a year before epoch millis (#51080)', () => {
    const year = (y: number): number => new Date(0).setUTCFullYear(y, 0, 1);
    expect(toEpochMillis('1000')).toBe(year(1000));
    expect(toEpochMillis('-1000')).toBe(year(-1000));
    expect(toEpochMillis('-10000')).toBe(-10000);
    expect(toEpochMillis('999')).toBe(999);
    expect(toEpochMillis('0000-02-29')).toBe(new Date(0).setUTCFullYear(0, 1, 29));
  });
});

describe('epoch_millis', () => {
  it('takes an optional minus, up to 19 digits and up to six fraction digits', () => {
    expect(toEpochMillis('1577836800000')).toBe(1577836800000);
    expect(toEpochMillis('-5')).toBe(-5);
    // MILLISECONDS_FORMATTER2: digits then a bare dot.
    expect(toEpochMillis('5.')).toBe(5);
    expect(toEpochMillis('5.999999')).toBe(5);
    // A negative fraction lies further from the epoch: the millisecond floor.
    expect(parseEpochText('-5.25')).toEqual({ millis: -6, nanos: 750000 });
    expect(toEpochMillis('+5')).toBeUndefined();
    expect(toEpochMillis('1.1234567')).toBeUndefined();
    expect(toEpochMillis('9223372036854775808')).toBeUndefined();
    expect(toEpochMillis('1e3')).toBeUndefined();
  });

  it('takes a JSON number as epoch millis, as a dynamically mapped long holds it', () => {
    expect(toEpochMillis(1000)).toBe(1000);
    expect(toEpochMillis(-5.5)).toBe(-6);
  });
});

describe('epoch_second', () => {
  it('scales seconds and a nine-digit fraction to millis', () => {
    expect(parseEpochText('1.5', 1000)).toEqual({ millis: 1500, nanos: 0 });
    expect(parseEpochText('-1.0005', 1000)).toEqual({ millis: -1001, nanos: 500000 });
  });
});
