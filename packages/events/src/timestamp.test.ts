import { describe, expect, it } from 'vitest';
import { MAX_TIMESTAMP_MILLIS, parseTimestamp, timestampProblem, timestampToIso } from './timestamp.js';

describe('parseTimestamp range', () => {
  it('accepts the edges of the date range and refuses what lies beyond', () => {
    expect(parseTimestamp(MAX_TIMESTAMP_MILLIS)).toBe(8.64e15);
    expect(parseTimestamp(-MAX_TIMESTAMP_MILLIS)).toBe(-8.64e15);
    expect(parseTimestamp(MAX_TIMESTAMP_MILLIS + 1)).toBeUndefined();
    expect(parseTimestamp(-1e17)).toBeUndefined();
    expect(parseTimestamp('-99999999999999999')).toBeUndefined();
    expect(parseTimestamp(Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(parseTimestamp('1709287205000')).toBe(1709287205000);
  });

  it('names the value as the input wrote it, and says why it was refused', () => {
    expect(timestampProblem('@timestamp', -1e17, '{"@timestamp":-99999999999999999}')).toBe(
      '@timestamp -99999999999999999 is out of range (dates must be within ±8.64e15 ms of 1970)',
    );
    // JSON.parse reads 1e400 as Infinity, which JSON.stringify would print as null.
    expect(timestampProblem('@timestamp', JSON.parse('1e400'), '{"a":1, "@timestamp" : 1e400}')).toBe(
      '@timestamp 1e400 is out of range (dates must be within ±8.64e15 ms of 1970)',
    );
    expect(timestampProblem('@timestamp', Number.NEGATIVE_INFINITY)).toBe(
      '@timestamp -Infinity is out of range (dates must be within ±8.64e15 ms of 1970)',
    );
    expect(timestampProblem('@timestamp', '9e99')).toBe(
      '@timestamp "9e99" is neither ISO-8601 nor epoch millis',
    );
    expect(timestampProblem('@timestamp', 'last tuesday')).toBe(
      '@timestamp "last tuesday" is neither ISO-8601 nor epoch millis',
    );
    expect(timestampProblem('@timestamp', { a: 1 })).toBe(
      '@timestamp {"a":1} is neither ISO-8601 nor epoch millis',
    );
  });

  it('prints stored millis as ISO-8601 without ever throwing', () => {
    expect(timestampToIso(0)).toBe('1970-01-01T00:00:00.000Z');
    expect(timestampToIso(8.64e15)).toBe('+275760-09-13T00:00:00.000Z');
    expect(timestampToIso(-1e17)).toBeUndefined();
    expect(timestampToIso(Number.NaN)).toBeUndefined();
  });
});
