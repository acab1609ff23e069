/**
 * The public entry point exports what its own signatures name, so a caller can write the types
 * of the values it gets back (these were missing: `StringMatcher`, `TimestampPrecision`,
 * `PreciseInstant`), and the wildcard helpers it needs beside `compileWildcards`.
 */

import { describe, expect, it } from 'vitest';
import {
  compileLuceneRegex,
  compileWildcards,
  createEventOrder,
  type EventOrder,
  hasWildcard,
  type PreciseInstant,
  type StringMatcher,
  type TimestampPrecision,
} from './index.js';

describe('index exports', () => {
  it('names the matcher type both pattern compilers return', () => {
    const matchers: StringMatcher[] = [compileWildcards(['cmd*'], true), compileLuceneRegex('cmd.*')];
    expect(matchers.map((match) => match('cmd.exe'))).toEqual([true, true]);
  });

  it('exports hasWildcard, which tells a pattern from a plain string', () => {
    expect([hasWildcard('cmd*'), hasWildcard('c?d'), hasWildcard('cmd.exe')]).toEqual([true, true, false]);
  });

  it('names the types of createEventOrder and EventOrder.instantOf', () => {
    const precision: TimestampPrecision = 'nanos';
    const order: EventOrder = createEventOrder('@timestamp', undefined, precision);
    const instant: PreciseInstant | undefined = order.instantOf({
      _index: 'i',
      _id: '1',
      _source: { '@timestamp': '1970-01-01T00:00:00.000000001Z' },
    });
    expect(instant).toEqual({ millis: 0, nanos: 1 });
  });
});
