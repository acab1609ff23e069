import { describe, expect, it } from 'vitest';
import '../sequence/register.js';
import { search } from '../compile.js';
import type { EqlEvent, EqlSearchResponse, SearchOptions } from '../types.js';
import { pickSamples } from './pick.js';

let nextId = 0;
function ev(fields: Record<string, unknown>): EqlEvent {
  nextId++;
  return {
    _index: 'test',
    _id: String(nextId),
    _source: { '@timestamp': 0, event: { category: 'any' }, ...fields },
  };
}

function view(response: EqlSearchResponse): { keys: unknown; ids: string[] }[] {
  return (response.hits.sequences ?? []).map((s) => ({
    keys: s.join_keys,
    ids: s.events.map((e) => String(e._source.n)),
  }));
}

const run = (query: string, events: EqlEvent[], options: SearchOptions = {}): ReturnType<typeof view> =>
  view(search(query, events, options));

describe('sample executor', () => {
  const data = [
    ev({ n: 'w1', host: 'web', kind: 'b' }),
    ev({ n: 'd1', host: 'db', kind: 'a' }),
    ev({ n: 'w2', host: 'web', kind: 'a' }),
    ev({ n: 'd2', host: 'db', kind: 'b' }),
    ev({ n: 'd3', host: 'db', kind: 'b' }),
    ev({ n: 'm1', host: 'mail', kind: 'a' }),
    ev({ n: 'x1', kind: 'a' }),
    ev({ n: 'x2', kind: 'b' }),
  ];
  const query = 'sample by host [any where kind == "a"] [any where kind == "b"]';

  it('returns one sample per key, keys ascending, events in filter order', () => {
    expect(run(query, data)).toEqual([
      { keys: ['db'], ids: ['d1', 'd2'] },
      { keys: ['web'], ids: ['w2', 'w1'] },
    ]);
  });

  it('returns up to max_samples_per_key samples per key', () => {
    expect(run(query, data, { maxSamplesPerKey: 3 })).toEqual([
      { keys: ['db'], ids: ['d1', 'd2'] },
      { keys: ['db'], ids: ['d1', 'd3'] },
      { keys: ['web'], ids: ['w2', 'w1'] },
    ]);
  });

  it('applies size and head/tail', () => {
    expect(run(query, data, { size: 1 })).toEqual([{ keys: ['db'], ids: ['d1', 'd2'] }]);
    expect(run(`${query} | tail 1`, data)).toEqual([{ keys: ['web'], ids: ['w2', 'w1'] }]);
  });

  it('joins absent optional keys as null, sorted first', () => {
    expect(run('sample by ?host [any where kind == "a"] [any where kind == "b"]', data)).toEqual([
      { keys: [null], ids: ['x1', 'x2'] },
      { keys: ['db'], ids: ['d1', 'd2'] },
      { keys: ['web'], ids: ['w2', 'w1'] },
    ]);
  });

  it('never uses one event twice in a sample', () => {
    const same = [ev({ n: 'only', host: 'h', kind: 'a' })];
    expect(run('sample by host [any where true] [any where true]', same)).toEqual([]);
    const two = [...same, ev({ n: 'other', host: 'h', kind: 'c' })];
    expect(run('sample by host [any where true] [any where true]', two)).toEqual([
      { keys: ['h'], ids: ['only', 'other'] },
    ]);
  });

  it('joins each value of a multi-valued key', () => {
    const multi = [
      ev({ n: 'a', tags: ['t2', 't1'], kind: 'a' }),
      ev({ n: 'b', tags: ['t1', 't2', 't3'], kind: 'b' }),
    ];
    expect(run('sample by tags [any where kind == "a"] [any where kind == "b"]', multi)).toEqual([
      { keys: ['t1'], ids: ['a', 'b'] },
      { keys: ['t2'], ids: ['a', 'b'] },
    ]);
  });
});

describe('pickSamples', () => {
  it('picks distinct items depth first', () => {
    expect(
      pickSamples(
        [
          ['d1', 'd2', 'd3'],
          ['d4', 'd5'],
          ['d4', 'd5', 'd3'],
        ],
        1,
      ),
    ).toEqual([['d1', 'd4', 'd5']]);
    expect(pickSamples([['d1', 'd1'], ['d1']], 5)).toEqual([]);
    expect(
      pickSamples(
        [
          ['a', 'b'],
          ['a', 'b'],
        ],
        5,
      ),
    ).toEqual([
      ['a', 'b'],
      ['b', 'a'],
    ]);
  });
});
