import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { search } from './compile.js';
import type { EqlEvent } from './types.js';

const QUERIES = [
  'any where true',
  'process where n > 3',
  'any where name : ("a*", "?b") or n in (1, 2, 7)',
  'file where not name == "ab" | tail 4',
  'any where n % 2 == 0 | head 6 | tail 3',
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
          const events: EqlEvent[] = rows.map((row, i) => ({
            _index: 'p',
            _id: String(i),
            _source: {
              '@timestamp': row.ts,
              seq: i,
              event: { category: row.category },
              name: row.name,
              n: row.n,
            },
          }));
          const shuffled = [...events];
          const random = randomness[Symbol.iterator]();
          for (let i = shuffled.length - 1; i > 0; i--) {
            const j = Math.abs(random.next().value as number) % (i + 1);
            [shuffled[i], shuffled[j]] = [shuffled[j] as EqlEvent, shuffled[i] as EqlEvent];
          }
          const options = { size, resultPosition, tiebreakerField: 'seq' };
          const ids = (input: EqlEvent[]) =>
            (search(query, input, options).hits.events ?? []).map((e) => e._id);
          expect(ids(shuffled)).toEqual(ids(events));
          const sorted = [...events].sort(
            (a, b) =>
              (a._source['@timestamp'] as number) - (b._source['@timestamp'] as number) ||
              Number(a._id) - Number(b._id),
          );
          expect(ids(sorted.map((e) => e))).toEqual(ids(events));
          expect(
            (search(query, sorted, { ...options, presorted: true }).hits.events ?? []).map((e) => e._id),
          ).toEqual(ids(events));
        },
      ),
      { numRuns: 300 },
    );
  });
});
