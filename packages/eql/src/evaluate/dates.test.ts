import { describe, expect, it } from 'vitest';
import {
  comparePreciseInstants,
  parseIsoDate,
  toEpochMillis,
  toFractionalMillis,
  toPreciseInstant,
} from './dates.js';

describe('toEpochMillis', () => {
  it('takes numbers and numeric strings as epoch millis', () => {
    expect(toEpochMillis(1504126051000)).toBe(1504126051000);
    expect(toEpochMillis('100')).toBe(100);
    expect(toEpochMillis('-5')).toBe(-5);
  });

  it('reads ISO-8601 in UTC unless an offset is given', () => {
    expect(toEpochMillis('2017-08-30T20:47:33Z')).toBe(1504126053000);
    expect(toEpochMillis('2017-08-30T20:47:33')).toBe(1504126053000);
    expect(toEpochMillis('2017-08-30T22:47:33+02:00')).toBe(1504126053000);
    expect(toEpochMillis('2017-08-30T20:47:33.123456789Z')).toBe(1504126053123);
    expect(toEpochMillis('2017-08-30')).toBe(1504051200000);
  });

  it('reads a four-digit string as a year, like ES date parsing', () => {
    expect(toEpochMillis('2017')).toBe(Date.UTC(2017, 0, 1));
  });

  it('rejects what is not a timestamp', () => {
    expect(toEpochMillis('yesterday')).toBeUndefined();
    expect(toEpochMillis(null)).toBeUndefined();
    expect(toEpochMillis(Number.NaN)).toBeUndefined();
    expect(parseIsoDate('2017-13-01')).toBeUndefined();
  });
});

describe('parseIsoDate fast path', () => {
  it('agrees with Date.parse on canonical UTC forms', () => {
    for (const text of ['2024-02-29T23:59:59.999Z', '1970-01-01T00:00:00Z', '2017-08-30T20:47:33.001Z']) {
      expect(parseIsoDate(text)).toBe(Date.parse(text));
    }
    expect(parseIsoDate('2024-02-29T23:59:59,999Z')).toBe(Date.parse('2024-02-29T23:59:59.999Z'));
    expect(parseIsoDate('2024-13-29T23:59:59.999Z')).toBeUndefined();
  });
});

// Facts from elastic/elasticsearch: `date_nanos` keeps an ISO fraction to nine digits, and the
// EQL QA DataLoader (`timestampToUnixNanos`) indexes epoch millis with a six-digit fraction of a
// millisecond ("131509374294.365140"), which test_queries_date_nanos.toml then matches exactly.
describe('toPreciseInstant (date_nanos)', () => {
  it('reads an epoch-millis string with its fraction as exact nanoseconds', () => {
    expect(toPreciseInstant('131509374294.365140')).toEqual({ millis: 131509374294, nanos: 365140 });
    expect(toPreciseInstant('131509374294.5')).toEqual({ millis: 131509374294, nanos: 500000 });
    expect(toPreciseInstant('131485996510')).toEqual({ millis: 131485996510, nanos: 0 });
    // 5.25 ms before the epoch is 6 ms before it plus 0.75 ms.
    expect(toPreciseInstant('-5.25')).toEqual({ millis: -6, nanos: 750000 });
  });

  it('reads an ISO-8601 fraction to the nanosecond and refuses digits past nine', () => {
    expect(toPreciseInstant('1974-03-03T02:22:54.294365140Z')).toEqual({
      millis: 131509374294,
      nanos: 365140,
    });
    // ES Iso8601Parser reads at most nine fraction digits; a tenth is left over and fails.
    expect(toPreciseInstant('1974-03-03T02:22:54.294365140123Z')).toBeUndefined();
    expect(toPreciseInstant('1974-03-03T04:22:54.2943651+02:00')).toEqual({
      millis: 131509374294,
      nanos: 365100,
    });
    expect(toPreciseInstant('1974-03-02T19:53:16.510Z')).toEqual({ millis: 131485996510, nanos: 0 });
  });

  it('takes numbers as epoch millis and rejects what is not a timestamp', () => {
    expect(toPreciseInstant(1.25)).toEqual({ millis: 1, nanos: 250000 });
    expect(toPreciseInstant('soon')).toBeUndefined();
    expect(toPreciseInstant(Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(toPreciseInstant(null)).toBeUndefined();
  });

  it('orders instants exactly where doubles of epoch millis cannot', () => {
    const a = toPreciseInstant('1700000000000.000010') as NonNullable<ReturnType<typeof toPreciseInstant>>;
    const b = toPreciseInstant('1700000000000.000020') as NonNullable<ReturnType<typeof toPreciseInstant>>;
    // 10 ns apart: the same double at this magnitude, still ordered exactly.
    expect(toFractionalMillis('1700000000000.000010')).toBe(toFractionalMillis('1700000000000.000020'));
    expect(comparePreciseInstants(a, b)).toBeLessThan(0);
    expect(comparePreciseInstants(b, a)).toBeGreaterThan(0);
    expect(comparePreciseInstants(a, a)).toBe(0);
  });

  it('gives the same double for one instant however it is written', () => {
    expect(toFractionalMillis('131509374294.365140')).toBe(
      toFractionalMillis('1974-03-03T02:22:54.294365140Z'),
    );
    expect(toFractionalMillis('131509374294.365140')).toBeCloseTo(131509374294.36514, 4);
  });
});
