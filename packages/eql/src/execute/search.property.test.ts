import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { search } from '../index.js';
import type { EqlEvent, EqlSearchResponse } from './types.js';

const QUERIES = [
  'any where true',
  'process where n > 3',
  'any where name : ("a*", "?b") or n in (1, 2, 7)',
  'file where not name == "ab" | tail 4',
  'any where n % 2 == 0 | head 6 | tail 3',
];

/** Sequence and sample queries: their results must not depend on arrival order either. */
const JOIN_QUERIES = [
  'sequence by name [process where n > 2] [file where true]',
  'sequence by name with maxspan=5ms [process where true] [file where n < 5] [any where true]',
  'sequence [process where n == 1] by name [file where true] by name until [any where n == 9] by name',
  'sequence by name [process where true] with runs=2 [file where true] | tail 3',
  'sequence by name with maxspan=4ms [process where true] ![file where n == 0] [any where n > 5]',
  'sample by name [process where n > 4] [file where true]',
];

const eventArb = fc.record({
  ts: fc.integer({ min: 0, max: 20 }),
  category: fc.constantFrom('process', 'file'),
  name: fc.constantFrom('ab', 'bb', 'abc', 'x'),
  n: fc.integer({ min: 0, max: 9 }),
});

describe('search properties', () => {
  it('gives the same result whatever the input order (ties broken by the tiebreaker)', () => {
    fc.assert(
      fc.property(
        fc.array(eventArb, { maxLength: 40 }),
        fc.constantFrom(...QUERIES),
        fc.integer({ min: 0, max: 12 }),
        fc.constantFrom<'head' | 'tail'>('head', 'tail'),
        fc.infiniteStream(fc.integer()),
        (rows, query, size, resultPosition, randomness) => {
          const events = toEvents(rows);
          const shuffled = shuffle(events, randomness);
          const options = { size, resultPosition, tiebreakerField: 'seq' };
          const ids = (input: EqlEvent[]) =>
            (search(query, input, options).hits.events ?? []).map((e) => e._id);
          expect(ids(shuffled)).toEqual(ids(events));
          const sorted = sortByTime(events);
          expect(ids(sorted)).toEqual(ids(events));
          expect(
            (search(query, sorted, { ...options, presorted: true }).hits.events ?? []).map((e) => e._id),
          ).toEqual(ids(events));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the same sequences and samples whatever the input order', () => {
    fc.assert(
      fc.property(
        fc.array(eventArb, { maxLength: 40 }),
        fc.constantFrom(...JOIN_QUERIES),
        fc.integer({ min: 0, max: 12 }),
        fc.constantFrom<'head' | 'tail'>('head', 'tail'),
        fc.infiniteStream(fc.integer()),
        (rows, query, size, resultPosition, randomness) => {
          const events = toEvents(rows);
          const shuffled = shuffle(events, randomness);
          const options = { size, resultPosition, tiebreakerField: 'seq' };
          if (query.startsWith('sample')) {
            // A sample takes its events in index (here: arrival) order, as Elasticsearch does, so
            // only which key combinations are sampled is independent of order.
            const keys = (input: EqlEvent[]) =>
              (search(query, input, options).hits.sequences ?? []).map((s) => JSON.stringify(s.join_keys));
            expect(keys(shuffled)).toEqual(keys(events));
            return;
          }
          const expected = sequenceIds(search(query, events, options));
          expect(sequenceIds(search(query, shuffled, options))).toEqual(expected);
          const sorted = sortByTime(events);
          expect(sequenceIds(search(query, sorted, { ...options, presorted: true }))).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

type Row = { ts: number; category: string; name: string; n: number };

function toEvents(rows: readonly Row[]): EqlEvent[] {
  return rows.map((row, i) => ({
    _index: 'p',
    _id: String(i),
    _source: { '@timestamp': row.ts, seq: i, event: { category: row.category }, name: row.name, n: row.n },
  }));
}

function shuffle(events: readonly EqlEvent[], randomness: fc.Stream<number>): EqlEvent[] {
  const shuffled = [...events];
  const random = randomness[Symbol.iterator]();
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.abs(random.next().value as number) % (i + 1);
    [shuffled[i], shuffled[j]] = [shuffled[j] as EqlEvent, shuffled[i] as EqlEvent];
  }
  return shuffled;
}

function sortByTime(events: readonly EqlEvent[]): EqlEvent[] {
  return [...events].sort(
    (a, b) =>
      (a._source['@timestamp'] as number) - (b._source['@timestamp'] as number) ||
      Number(a._id) - Number(b._id),
  );
}

/** Each sequence (or sample) as its join keys and event ids, `-` for a missing-event placeholder. */
function sequenceIds(response: EqlSearchResponse): string[] {
  return (response.hits.sequences ?? []).map(
    (sequence) =>
      `${JSON.stringify(sequence.join_keys ?? [])} ${sequence.events.map((e) => (e.missing ? '-' : e._id)).join(',')}`,
  );
}
