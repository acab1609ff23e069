import { describe, expect, it } from 'vitest';
import { createClauseTester, type EventQueryExplanation, explain, nearMissClause } from './explain.js';

function only(terms: readonly EventQueryExplanation[]): EventQueryExplanation {
  const [term] = terms;
  if (term === undefined) throw new Error('no term');
  return term;
}

const SEED = `any where host.os.type == "windows" and
 (event.category : ("library", "driver") or (event.category == "process" and event.action : "Image loaded*")) and
  process.name : ("WINWORD.EXE", "EXCEL.EXE", "POWERPNT.EXE", "MSPUB.EXE", "MSACCESS.EXE") and
  (?dll.name : "wmiutils.dll" or file.name : "wmiutils.dll")`;

const base = {
  host: { os: { type: 'windows' } },
  event: { category: ['library'], action: 'load' },
  process: { name: 'WINWORD.EXE' },
};

describe('explain', () => {
  it('explains a match: every clause true', () => {
    const term = only(explain(SEED, { ...base, dll: { name: 'wmiutils.dll' } }).terms);
    expect(term.matched).toBe(true);
    expect(term.failedClauses).toEqual([]);
    expect(term.clauses.map((c) => c.value)).toEqual([true, true, true, true]);
    expect(nearMissClause(term)).toBeUndefined();
  });

  it('finds the one clause a near miss failed', () => {
    const term = only(explain(SEED, { ...base, dll: { name: 'kernel32.dll' } }).terms);
    expect(term.matched).toBe(false);
    expect(term.failedClauses).toEqual([3]);
    const clause = nearMissClause(term);
    expect(clause?.label).toBe('?dll.name : "wmiutils.dll" or file.name : "wmiutils.dll"');
    expect(clause?.children.map((c) => [c.label, c.value])).toEqual([
      ['?dll.name : "wmiutils.dll"', false],
      ['file.name : "wmiutils.dll"', false],
    ]);
    const dllName = clause?.children[0]?.children[0];
    expect(dllName).toMatchObject({
      kind: 'Field',
      mode: 'value',
      value: 'kernel32.dll',
      field: { state: 'values', values: ['kernel32.dll'] },
    });
    const fileName = clause?.children[1]?.children[0];
    expect(fileName?.field).toEqual({ state: 'missing', values: [] });
    expect(SEED.slice(clause?.loc.start, clause?.loc.end)).toBe(
      '?dll.name : "wmiutils.dll" or file.name : "wmiutils.dll"',
    );
  });

  it('is no near miss when two clauses fail', () => {
    const term = only(explain(SEED, { ...base, process: { name: 'cmd.exe' } }).terms);
    expect(term.failedClauses).toEqual([2, 3]);
    expect(nearMissClause(term)).toBeUndefined();
  });

  it('reports the category test', () => {
    const term = only(explain('process where true', { event: { category: 'file' } }).terms);
    expect(term.category).toMatchObject({ expected: 'process', actual: ['file'], matched: false });
    expect(term.matched).toBe(false);
    expect(nearMissClause(term)).toBeUndefined();
  });

  it('shows three-valued values inside value expressions', () => {
    const term = only(
      explain('process where null == (exit_code > -1)', {
        event: { category: 'process' },
      }).terms,
    );
    const comparison = term.condition;
    expect(comparison?.value).toBe(true);
    expect(comparison?.children.map((c) => [c.label, c.mode, c.value])).toEqual([
      ['null', 'value', null],
      ['exit_code > -1', 'value', null],
    ]);
  });

  it('records evaluation errors instead of throwing', () => {
    const term = only(explain('any where n % m == 1', { n: 5, m: 0 }).terms);
    expect(term.condition.error).toBe('/ by zero');
    expect(term.condition.children[0]?.error).toBe('/ by zero');
  });

  it('explains each term of a sequence', () => {
    const result = explain('sequence [process where a == 1] [file where b == 2]', {
      event: { category: 'file' },
      b: 2,
    });
    expect(result.kind).toBe('Sequence');
    expect(result.terms.map((t) => t.matched)).toEqual([false, true]);
  });

  it('says which sequence stages an event fills and under which keys', () => {
    const query = `sequence by user.name with maxspan=1m
      [process where process.name == "cmd.exe"] by process.pid
      [network where destination.port == 443] by process.pid with runs=2
    until [process where event.type == "end"] by process.pid`;
    const result = explain(query, {
      event: { category: 'network' },
      user: { name: 'bob' },
      process: { pid: 7 },
      destination: { port: 443 },
    });
    expect(result.stages).toMatchObject({
      kind: 'Sequence',
      keyNames: ['user.name', 'process.pid'],
      fills: [1, 2],
      until: { filterMatches: false, fills: false },
    });
    expect(result.stages?.stages.map((s) => [s.termIndex, s.run, s.fills, s.keys])).toEqual([
      [0, 0, false, []],
      [1, 0, true, [['bob', 7]]],
      [1, 1, true, [['bob', 7]]],
    ]);
    expect(result.terms.map((t) => t.matched)).toEqual([false, true, false]);
    const keyless = explain(query, { event: { category: 'process' }, process: { name: 'cmd.exe', pid: 1 } });
    expect(keyless.stages?.fills).toEqual([]);
    expect(keyless.stages?.stages[0]).toMatchObject({
      filterMatches: true,
      keyFieldsWithoutValue: ['user.name'],
    });
  });

  it('explains sample stages through the same entry point, and none for event queries', () => {
    const result = explain('sample by host [any where x == 1] [any where x == 2]', { host: 'h', x: 2 });
    expect(result.stages?.kind).toBe('Sample');
    expect(result.stages?.fills).toEqual([1]);
    expect(result.stages?.stages[1]?.keys).toEqual([['h']]);
    expect(explain('any where x == 2', { x: 2 }).stages).toBeUndefined();
  });
});

describe('createClauseTester', () => {
  it('reports the failed top-level clauses fast, matching explain', () => {
    const test = createClauseTester(SEED);
    const events = [
      { ...base, dll: { name: 'wmiutils.dll' } },
      { ...base, dll: { name: 'kernel32.dll' } },
      { ...base, process: { name: 'cmd.exe' } },
    ];
    expect(events.map((e) => test(e))).toEqual([
      { categoryMatched: true, failedClauses: [] },
      { categoryMatched: true, failedClauses: [3] },
      { categoryMatched: true, failedClauses: [2, 3] },
    ]);
    for (const e of events) expect(test(e).failedClauses).toEqual(only(explain(SEED, e).terms).failedClauses);
  });
});
