import type { EqlSearchResponse } from '@rulebench/eql';
import { describe, expect, it } from 'vitest';
import { matchCount, shownCount } from './match-count.js';

const response = (n: number): EqlSearchResponse => ({
  is_partial: false,
  is_running: false,
  took: 1,
  timed_out: false,
  hits: {
    total: { value: n, relation: 'eq' },
    events: Array.from({ length: n }, (_, i) => ({ _index: 'c', _id: String(i + 1), _source: {} })),
  },
});

describe('matchCount', () => {
  it("prefers the server's count of every match over hits.total", () => {
    expect(matchCount({ ...response(2), matches: { value: 13, relation: 'eq' } })).toEqual({
      value: 13,
      relation: 'eq',
    });
    expect(shownCount(response(2))).toBe(2);
  });

  it('falls back to hits.total when the response has no matches field', () => {
    expect(matchCount(response(3))).toEqual({ value: 3, relation: 'eq' });
  });
});
