import { describe, expect, it } from 'vitest';
import { sequenceMembers } from './sequence-members.js';

const hit = (id: string, ts: string) => ({ _index: 'c', _id: id, _source: { '@timestamp': ts } });
const missing = { _index: '', _id: '', _source: {}, missing: true };

describe('sequenceMembers', () => {
  it('lists each present member once, in timestamp order, results order breaking ties', () => {
    const sequences = [
      { events: [hit('3', '2020-01-01T00:00:03Z'), missing, hit('5', '2020-01-01T00:00:05Z')] },
      { events: [hit('1', '2020-01-01T00:00:01Z'), hit('5', '2020-01-01T00:00:05Z')] },
      { events: [hit('4', '2020-01-01T00:00:03Z'), hit('2', 'not a time')] },
    ];
    expect(sequenceMembers(sequences).map((h) => h._id)).toEqual(['1', '3', '4', '5', '2']);
    expect(sequenceMembers([])).toEqual([]);
  });
});
