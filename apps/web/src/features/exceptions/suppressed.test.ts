import { describe, expect, it } from 'vitest';
import type { WorkbenchSearchResponse } from '../../lib/match-count.js';
import { toKibanaItem } from './rule-exceptions.js';
import { splitSuppressed } from './suppressed.js';

const hit = (id: string, name: string) => ({ _index: 'c', _id: id, _source: { process: { name } } });
const notExcel = [
  toKibanaItem('x', 'Excel is fine', [{ field: 'process.name', operator: 'is', value: 'EXCEL.EXE' }]),
];

function events(names: string[], matches: number): WorkbenchSearchResponse {
  return {
    is_partial: false,
    is_running: false,
    took: 1,
    timed_out: false,
    hits: { total: { value: names.length, relation: 'eq' }, events: names.map((n, i) => hit(String(i), n)) },
    matches: { value: matches, relation: 'eq' },
  };
}

describe('splitSuppressed', () => {
  it('takes suppressed events out of the list and the count', () => {
    const split = splitSuppressed(events(['EXCEL.EXE', 'WINWORD.EXE', 'EXCEL.EXE'], 3), notExcel);
    expect(split.count).toBe(2);
    expect(split.kept.hits.events?.map((e) => e._id)).toEqual(['1']);
    expect(split.kept.matches).toEqual({ value: 1, relation: 'eq' });
    expect(split.suppressed.hits.events?.map((e) => e._id)).toEqual(['0', '2']);
  });

  it('lowers the full count by what this response suppresses', () => {
    const split = splitSuppressed(events(['EXCEL.EXE', 'WINWORD.EXE'], 290), notExcel);
    expect(split.kept.matches?.value).toBe(289);
  });

  it('suppresses a sequence when any of its events is suppressed', () => {
    const response: WorkbenchSearchResponse = {
      ...events([], 2),
      hits: {
        total: { value: 2, relation: 'eq' },
        sequences: [
          { join_keys: ['a'], events: [hit('1', 'WINWORD.EXE'), hit('2', 'EXCEL.EXE')] },
          { join_keys: ['b'], events: [hit('3', 'WINWORD.EXE'), hit('4', 'cmd.exe')] },
        ],
      },
    };
    const split = splitSuppressed(response, notExcel);
    expect(split.count).toBe(1);
    expect(split.kept.hits.sequences?.map((s) => s.join_keys)).toEqual([['b']]);
    expect(split.kept.matches?.value).toBe(1);
  });

  it('changes nothing without exceptions', () => {
    const response = events(['EXCEL.EXE'], 1);
    const split = splitSuppressed(response, []);
    expect(split.kept).toBe(response);
    expect(split.suppressed.hits).toEqual({ total: { value: 0, relation: 'eq' }, events: [] });
  });

  it('suppresses nothing of a sequence response without exceptions', () => {
    const response: WorkbenchSearchResponse = {
      ...events([], 1),
      hits: { total: { value: 1, relation: 'eq' }, sequences: [{ events: [hit('1', 'EXCEL.EXE')] }] },
    };
    expect(splitSuppressed(response, []).suppressed.hits).toEqual({
      total: { value: 0, relation: 'eq' },
      sequences: [],
    });
  });
});
