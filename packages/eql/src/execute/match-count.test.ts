import { describe, expect, it } from 'vitest';
import './sequence/register.js';
import { compile } from './compile.js';
import type { EqlEvent, EqlSearchResponse, MatchCount, SearchOptions } from './types.js';

/**
 * `hits.total` is Elasticsearch's figure (the hits returned, `eq`); the executor's `matches`
 * is ours (results after pipes, before `size`), so the workbench can say "13 matches" while
 * returning 2. Both must agree between head and tail, sorted and presorted input.
 */

// Thirteen process events, timestamps 1..13; odd ones carry user "x", even ones "y".
const sorted: EqlEvent[] = Array.from({ length: 13 }, (_, i) => ({
  _index: 'test',
  _id: String(i + 1),
  _source: { '@timestamp': i + 1, event: { category: 'process' }, user: i % 2 === 0 ? 'x' : 'y' },
}));
const shuffled = [...sorted].reverse();

function runCounted(
  query: string,
  events: readonly EqlEvent[],
  options: SearchOptions,
): { response: EqlSearchResponse; matches: MatchCount } {
  const executor = compile(query).executor(options);
  for (const event of events) {
    executor.push(event);
    if (executor.done) break;
  }
  const response = executor.finish();
  return { response, matches: executor.matches };
}

describe('hits.total and matches', () => {
  it('counts the returned hits in hits.total, for head and tail alike', () => {
    for (const resultPosition of ['head', 'tail'] as const) {
      for (const presorted of [true, false]) {
        const input = presorted ? sorted : shuffled;
        const { response } = runCounted('process where true', input, { size: 2, resultPosition, presorted });
        expect(response.hits.total).toEqual({ value: 2, relation: 'eq' });
      }
    }
  });

  it('counts every match when asked, even past a full presorted head', () => {
    const { response, matches } = runCounted('process where true', sorted, {
      size: 2,
      presorted: true,
      resultPosition: 'head',
      countMatches: true,
    });
    expect(response.hits.events?.map((e) => e._id)).toEqual(['1', '2']);
    expect(matches).toEqual({ value: 13, relation: 'eq' });
    const tail = runCounted('process where true', sorted, {
      size: 2,
      presorted: true,
      resultPosition: 'tail',
    });
    expect(tail.matches).toEqual({ value: 13, relation: 'eq' });
    expect(tail.response.hits.events?.map((e) => e._id)).toEqual(['12', '13']);
  });

  it('says gte when a presorted head stopped reading without countMatches', () => {
    const { matches } = runCounted('process where true', sorted, {
      size: 2,
      presorted: true,
      resultPosition: 'head',
    });
    expect(matches).toEqual({ value: 2, relation: 'gte' });
  });

  it('caps matches by the pipes and stops reading at that cap', () => {
    const counted = runCounted('process where true | head 5', sorted, {
      size: 2,
      presorted: true,
      countMatches: true,
    });
    expect(counted.matches).toEqual({ value: 5, relation: 'eq' });
    expect(counted.response.hits.total).toEqual({ value: 2, relation: 'eq' });
    expect(runCounted('process where true | tail 4 | head 3', shuffled, { size: 10 }).matches).toEqual({
      value: 3,
      relation: 'eq',
    });
    expect(
      runCounted('process where true', sorted, { size: 0, presorted: true, countMatches: true }).matches,
    ).toEqual({ value: 13, relation: 'eq' });
  });

  it('counts sequences the same way', () => {
    const query = 'sequence by user [process where true] [process where true]';
    // Each event completes one pair and starts the next: x has 7 events (6 pairs), y 6 (5 pairs).
    for (const presorted of [true, false]) {
      const input = presorted ? sorted : shuffled;
      const head = runCounted(query, input, { size: 2, presorted, countMatches: true });
      expect(head.response.hits.total).toEqual({ value: 2, relation: 'eq' });
      expect(head.matches).toEqual({ value: 11, relation: 'eq' });
      const tail = runCounted(query, input, { size: 2, presorted, resultPosition: 'tail' });
      expect(tail.response.hits.total).toEqual({ value: 2, relation: 'eq' });
      expect(tail.matches).toEqual({ value: 11, relation: 'eq' });
    }
    const piped = runCounted(`${query} | head 4 | tail 1`, sorted, {
      size: 10,
      presorted: true,
      countMatches: true,
    });
    expect(piped.response.hits.sequences).toHaveLength(1);
    expect(piped.matches).toEqual({ value: 1, relation: 'eq' });
  });

  it('counts samples before size', () => {
    const { response, matches } = runCounted(
      'sample by user [process where true] [process where true]',
      sorted,
      {
        size: 1,
      },
    );
    expect(response.hits.total).toEqual({ value: 1, relation: 'eq' });
    expect(matches).toEqual({ value: 2, relation: 'eq' });
  });
});
