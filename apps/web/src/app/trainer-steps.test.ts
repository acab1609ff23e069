import { describe, expect, it } from 'vitest';
import type { EqlSearchResponse } from '../features/search/types.js';
import { groupLabel, joinKeysLabel, trainerSteps } from './trainer-steps.js';

const hit = (id: string, missing = false) => ({
  _index: 'c',
  _id: id,
  _source: { '@timestamp': '2024-01-01T00:00:00Z' },
  ...(missing ? { missing: true } : {}),
});

function response(hits: EqlSearchResponse['hits']): EqlSearchResponse {
  return { is_partial: false, is_running: false, took: 1, timed_out: false, hits };
}

describe('trainerSteps', () => {
  it('keeps plain events ungrouped', () => {
    const steps = trainerSteps(
      response({ total: { value: 2, relation: 'eq' }, events: [hit('a'), hit('b')] }),
    );
    expect(steps.map((s) => [s.event._id, s.group])).toEqual([
      ['a', undefined],
      ['b', undefined],
    ]);
  });

  it('labels each sequence stage with its group and join key, skipping missing stages', () => {
    const steps = trainerSteps(
      response({
        total: { value: 2, relation: 'eq' },
        sequences: [
          { join_keys: ['pc1'], events: [hit('a'), hit('m', true), hit('b')] },
          { join_keys: ['pc2', 7], events: [hit('c'), hit('d'), hit('e')] },
        ],
      }),
    );
    expect(steps.map((s) => s.event._id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    const second = steps[1]?.group;
    expect(second && groupLabel(second)).toBe('Sequence 1 of 2 · stage 3 of 3');
    expect(joinKeysLabel(steps[3]?.group?.joinKeys ?? [])).toBe('pc2, 7');
  });

  it('calls sample groups samples', () => {
    const steps = trainerSteps(
      response({
        total: { value: 1, relation: 'eq' },
        sequences: [{ join_keys: ['x'], events: [hit('a'), hit('b')] }],
      }),
      'sample',
    );
    const group = steps[1]?.group;
    expect(group && groupLabel(group)).toBe('Sample 1 of 1 · event 2 of 2');
  });
});
