import type { EqlSearchResponse } from '@rulebench/eql';
import { describe, expect, it } from 'vitest';
import { readSeed, resolveSelection, seedHistoryState, seedRule } from './workbench-seed.js';

const hit = (id: string) => ({ _index: 'c', _id: id, _source: { id } });
const response = {
  hits: {
    total: { value: 2, relation: 'eq' },
    events: [hit('1'), hit('2')],
    sequences: [{ events: [hit('5'), { _index: '', _id: '', _source: {}, missing: true }] }],
  },
} as unknown as EqlSearchResponse;

describe('resolveSelection', () => {
  it('finds event and sequence rows in the results', () => {
    expect(resolveSelection(response, { event: 'e:2' })).toEqual({ key: 'e:2', hit: hit('2') });
    expect(resolveSelection(response, { event: 's:0:0' })).toEqual({ key: 's:0:0', hit: hit('5') });
  });

  it('falls back to the carried hit, then to the carried events, else nothing', () => {
    expect(resolveSelection(response, { event: 'n:9', hit: hit('9') })).toEqual({
      key: 'n:9',
      hit: hit('9'),
    });
    expect(resolveSelection(undefined, { event: 'n:7' }, [hit('7')])).toEqual({ key: 'n:7', hit: hit('7') });
    expect(resolveSelection(response, { event: 's:0:1' })).toBeNull();
    expect(resolveSelection(response, { event: 'e:404' })).toBeNull();
    expect(resolveSelection(response, { event: null })).toBeNull();
  });
});

describe('seeds', () => {
  it('round-trip through a history state, and ignore foreign states', () => {
    const seed = {
      rule: seedRule({ name: 'R' }, 'any where true'),
      query: 'any where true',
      origin: 'a shared link',
    };
    expect(readSeed(structuredClone(seedHistoryState(seed)))).toEqual(seed);
    expect(readSeed(null)).toBeUndefined();
    expect(readSeed({ rulebenchSeed: { rule: {} } })).toBeUndefined();
  });

  it('give a nameless rule a name and the query it ran', () => {
    expect(seedRule({}, 'q')).toEqual({ name: 'Untitled rule', query: 'q' });
    expect(seedRule({ name: 'N', query: 'own' }, 'q')).toEqual({ name: 'N', query: 'own' });
  });
});
