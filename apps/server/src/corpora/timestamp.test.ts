import { describe, expect, it } from 'vitest';
import { parseTimestamp } from './timestamp.js';

describe('parseTimestamp', () => {
  it('reads epoch millis as numbers and numeric strings', () => {
    expect(parseTimestamp(1709287205000)).toBe(1709287205000);
    expect(parseTimestamp('1709287205000')).toBe(1709287205000);
    expect(parseTimestamp(1709287205000.9)).toBe(1709287205000);
  });

  it('reads ISO-8601 with any fraction precision and zone', () => {
    expect(parseTimestamp('2024-03-01T10:00:05Z')).toBe(1709287205000);
    expect(parseTimestamp('2024-03-01T10:00:05.123456789Z')).toBe(1709287205123);
    expect(parseTimestamp('2024-03-01T11:00:05.5+01:00')).toBe(1709287205500);
    expect(parseTimestamp('2024-03-01T11:00:05+0100')).toBe(1709287205000);
    expect(parseTimestamp('2024-03-01')).toBe(Date.UTC(2024, 2, 1));
  });

  it('rejects what is not a date', () => {
    expect(parseTimestamp('last tuesday')).toBeUndefined();
    expect(parseTimestamp('2024-13-45T99:00:00Z')).toBeUndefined();
    // strict_date_optional_time wants the "T": Elasticsearch refuses a space there at indexing.
    expect(parseTimestamp('2024-03-01 10:00:05.000')).toBeUndefined();
    expect(parseTimestamp(true)).toBeUndefined();
    expect(parseTimestamp(Number.NaN)).toBeUndefined();
    expect(parseTimestamp({})).toBeUndefined();
  });
});
