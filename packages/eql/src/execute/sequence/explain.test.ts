import { describe, expect, it } from 'vitest';
import { explainSequenceEvent } from './explain.js';

const query = `sequence by user.name with maxspan=1m
  [process where process.name == "cmd.exe"] by process.pid
  [network where true] by process.pid with runs=2
  ![file where true] by process.pid
until [process where event.type == "end"] by process.pid`;

describe('explainSequenceEvent', () => {
  it('names the stages an event fills and its join keys', () => {
    const source = { event: { category: 'network' }, user: { name: 'bob' }, process: { pid: [7, 3] } };
    const explanation = explainSequenceEvent(query, source);
    expect(explanation.keyNames).toEqual(['user.name', 'process.pid']);
    expect(explanation.fills).toEqual([1, 2]);
    expect(explanation.stages.map((s) => [s.stage, s.termIndex, s.run, s.filterMatches])).toEqual([
      [0, 0, 0, false],
      [1, 1, 0, true],
      [2, 1, 1, true],
      [3, 2, 0, false],
    ]);
    expect(explanation.stages[1]?.keys).toEqual([
      ['bob', 3],
      ['bob', 7],
    ]);
    expect(explanation.until?.filterMatches).toBe(false);
  });

  it('says when a matching event lacks a join-key field', () => {
    const source = { event: { category: 'process' }, process: { name: 'cmd.exe', pid: 4 } };
    const stage = explainSequenceEvent(query, source).stages[0];
    expect(stage).toEqual({
      stage: 0,
      termIndex: 0,
      run: 0,
      missing: false,
      filterMatches: true,
      keys: [],
      keyFieldsWithoutValue: ['user.name'],
      fills: false,
    });
  });

  it('reports missing-event and until terms without counting them as fills', () => {
    const file = explainSequenceEvent(query, {
      event: { category: 'file' },
      user: { name: 'a' },
      process: { pid: 1 },
    });
    expect(file.fills).toEqual([]);
    expect(file.stages[3]).toMatchObject({ missing: true, fills: true, keys: [['a', 1]] });
    const end = explainSequenceEvent(query, {
      event: { category: 'process', type: 'end' },
      user: { name: 'a' },
      process: { pid: 1 },
    });
    expect(end.until).toMatchObject({ stage: 4, fills: true, keys: [['a', 1]] });
  });

  it('explains sample terms too', () => {
    const explanation = explainSequenceEvent('sample by host [any where x == 1] [any where x == 2]', {
      host: 'h',
      x: 2,
    });
    expect(explanation.kind).toBe('Sample');
    expect(explanation.fills).toEqual([1]);
  });
});
