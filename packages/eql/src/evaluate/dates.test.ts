import { describe, expect, it } from 'vitest';
import { parseIsoDate, toEpochMillis } from './dates.js';

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
