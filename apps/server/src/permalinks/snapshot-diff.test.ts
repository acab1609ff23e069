import { describe, expect, it } from 'vitest';
import { diffSnapshots } from './snapshot-diff.js';

describe('diffSnapshots', () => {
  it('lists changed, added and removed leaves by path', () => {
    const before = {
      query: 'process where true',
      rule: { name: 'A', severity: 'low', tags: ['x'], threat: [{ tactic: { id: 'TA0002' } }], note: 'n' },
    };
    const after = {
      query: 'process where false',
      rule: {
        name: 'A',
        severity: 'high',
        tags: ['x', 'y'],
        threat: [{ tactic: { id: 'TA0003' } }],
        setup: 's',
      },
    };
    expect(diffSnapshots(before, after)).toEqual([
      { path: 'query', kind: 'changed', before: 'process where true', after: 'process where false' },
      { path: 'rule.note', kind: 'removed', before: 'n' },
      { path: 'rule.setup', kind: 'added', after: 's' },
      { path: 'rule.severity', kind: 'changed', before: 'low', after: 'high' },
      { path: 'rule.tags', kind: 'changed', before: ['x'], after: ['x', 'y'] },
      { path: 'rule.threat[0].tactic.id', kind: 'changed', before: 'TA0002', after: 'TA0003' },
    ]);
  });

  it('finds nothing between equal snapshots', () => {
    expect(diffSnapshots({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toEqual([]);
  });
});
