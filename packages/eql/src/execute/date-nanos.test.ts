/**
 * A `date_nanos` timestamp field (`fieldTypes: { '@timestamp': 'date_nanos' }`): filters,
 * ordering and `maxspan` to the nanosecond, where a `date` field truncates to the millisecond.
 *
 * Facts from elastic/elasticsearch: the QA suite `test_queries_date_nanos.toml` filters with
 * nanosecond ISO constants on an index whose `@timestamp` holds epoch millis with a six-digit
 * fraction (DataLoader `timestampToUnixNanos`); sequence matching compares `delta` in nanos to
 * `maxspan` in nanos (`SequenceMatcher.exceedsMaxSpan`, `Timestamp.delta`); PR #76953 set
 * `sequencesOnDifferentEventTypes7` to `maxspan=50ms` so that a 50.86 ms sequence fails it on
 * the nanosecond index.
 */

import { describe, expect, it } from 'vitest';
import './sequence/register.js';
import { search } from './compile.js';
import type { EqlEvent, EqlSearchResponse } from './types.js';

const nanos = { fieldTypes: { '@timestamp': 'date_nanos' as const }, tiebreakerField: 'n', size: 50 };

function event(
  n: number,
  timestamp: string,
  category = 'process',
  extra: Record<string, unknown> = {},
): EqlEvent {
  return {
    _index: 'nanos',
    _id: String(n),
    _source: { '@timestamp': timestamp, event: { category }, n, ...extra },
  };
}

const ids = (response: EqlSearchResponse): number[] =>
  (response.hits.events ?? []).map((e) => Number((e._source as { n: number }).n));

const sequenceIds = (response: EqlSearchResponse): number[][] =>
  (response.hits.sequences ?? []).map((s) => s.events.map((e) => Number((e._source as { n: number }).n)));

// Three events in one millisecond (n runs against time), one a millisecond later. (A bare
// four-digit string would be a year: ES tries the date format before epoch millis.)
const events = [
  event(1, '1000.000900'),
  event(2, '1000.000500'),
  event(3, '1970-01-01T00:00:01.000000100Z'),
  event(4, '1001.0'),
];

describe('date_nanos timestamps', () => {
  it('compares @timestamp with a constant to the nanosecond', () => {
    const at = (q: string) => ids(search(`process where ${q}`, events, nanos));
    expect(at('@timestamp == "1970-01-01T00:00:01.000000500Z"')).toEqual([2]);
    expect(at('@timestamp == "1970-01-01T00:00:01Z"')).toEqual([]);
    expect(
      at('@timestamp > "1970-01-01T00:00:01.000000100Z" and @timestamp < "1970-01-01T00:00:01.001Z"'),
    ).toEqual([2, 1]);
    expect(at('@timestamp >= 1001')).toEqual([4]);
    expect(at('@timestamp != "1970-01-01T00:00:01.000000900Z"')).toEqual([3, 2, 4]);
  });

  it('truncates to the millisecond on a date field, as Elasticsearch stores it', () => {
    const millis = { tiebreakerField: 'n', size: 50 };
    expect(
      ids(search('process where @timestamp == "1970-01-01T00:00:01.000000500Z"', events, millis)),
    ).toEqual([1, 2, 3]);
  });

  it('orders events of one millisecond by their nanoseconds, not by the tiebreaker', () => {
    expect(ids(search('process where true', events, nanos))).toEqual([3, 2, 1, 4]);
    // The same events on a millisecond field tie on time, so the tiebreaker orders them.
    expect(ids(search('process where true', events, { tiebreakerField: 'n' }))).toEqual([1, 2, 3, 4]);
  });

  it('orders instants 10 ns apart that one double of epoch millis cannot tell apart', () => {
    const close = [event(1, '1700000000000.000020'), event(2, '1700000000000.000010')];
    expect(ids(search('process where true', close, nanos))).toEqual([2, 1]);
    expect(
      sequenceIds(search('sequence [process where n == 2] [process where n == 1]', close, nanos)),
    ).toEqual([[2, 1]]);
  });

  it('measures maxspan in nanoseconds', () => {
    // 50.856330 ms from the first event to the second.
    const pair = [event(1, '131509374395.921780', 'file'), event(2, '131509374446.778110', 'process')];
    const within = (span: string) =>
      sequenceIds(
        search(`sequence with maxspan=${span} [file where true] [process where true]`, pair, nanos),
      );
    expect(within('500ms')).toEqual([[1, 2]]);
    expect(within('51ms')).toEqual([[1, 2]]);
    expect(within('50ms')).toEqual([]);
  });
});
