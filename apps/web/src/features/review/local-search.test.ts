import { describe, expect, it } from 'vitest';
import type { FragmentState } from '../share/types.js';
import { searchFragment } from './local-search.js';

const event = (id: string, ts: string, name: string) => ({
  _index: 'sample',
  _id: id,
  _source: { '@timestamp': ts, event: { category: 'process' }, process: { name }, host: { id: 'h1' } },
});

const base: FragmentState = {
  v: 1,
  rule: { name: 'r' },
  query: 'process where process.name : "excel.exe"',
  corpus: 'sample',
  options: { size: 100 },
  selection: {},
  events: [
    event('3', '2020-01-01T00:00:03Z', 'EXCEL.EXE'),
    event('1', '2020-01-01T00:00:01Z', 'EXCEL.EXE'),
    event('2', '2020-01-01T00:00:02Z', 'cmd.exe'),
  ],
};

describe('searchFragment', () => {
  it('matches the carried events in timestamp order', () => {
    const response = searchFragment(base);
    expect(response.hits.total.value).toBe(2);
    expect(response.hits.events?.map((e) => e._id)).toEqual(['1', '3']);
  });

  it('honours size and runs sequences', () => {
    const one = searchFragment({ ...base, options: { size: 1 } });
    expect(one.hits.events?.map((e) => e._id)).toEqual(['1']);
    // hits.total counts what is returned (as Elasticsearch does); matches counts every match.
    expect(one.hits.total).toEqual({ value: 1, relation: 'eq' });
    expect(one.matches).toEqual({ value: 2, relation: 'eq' });
    const sequences = searchFragment({
      ...base,
      query:
        'sequence by host.id [process where process.name == "EXCEL.EXE"] [process where process.name == "cmd.exe"]',
    }).hits.sequences;
    expect(sequences?.map((s) => s.events.map((e) => e._id))).toEqual([['1', '2']]);
  });

  it('throws the engine error for a bad query', () => {
    expect(() => searchFragment({ ...base, query: 'process where' })).toThrow();
  });
});
