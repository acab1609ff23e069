import { describe, expect, it } from 'vitest';
import {
  cellText,
  columnWidth,
  DEFAULT_COLUMNS,
  filterFieldNames,
  loadColumns,
  saveColumns,
  toggleColumn,
} from './columns.js';

function memoryStorage(initial?: string) {
  const data = new Map<string, string>();
  if (initial !== undefined) data.set('rulebench.events-table.columns', initial);
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  };
}

describe('columns', () => {
  it('defaults to when, what and where', () => {
    expect(DEFAULT_COLUMNS).toEqual([
      '@timestamp',
      'event.category',
      'event.action',
      'process.name',
      'host.name',
    ]);
    expect(loadColumns(undefined)).toBe(DEFAULT_COLUMNS);
    expect(loadColumns(memoryStorage('not json'))).toBe(DEFAULT_COLUMNS);
    expect(loadColumns(memoryStorage('[]'))).toBe(DEFAULT_COLUMNS);
  });
  it('remembers a choice, without duplicates or junk', () => {
    const storage = memoryStorage();
    saveColumns(storage, ['host.name', 'dll.name']);
    expect(loadColumns(storage)).toEqual(['host.name', 'dll.name']);
    expect(loadColumns(memoryStorage('["a", 3, "a", "b"]'))).toEqual(['a', 'b']);
  });
  it('toggles a column at the end but never removes the last one', () => {
    expect(toggleColumn(['a', 'b'], 'c')).toEqual(['a', 'b', 'c']);
    expect(toggleColumn(['a', 'b'], 'a')).toEqual(['b']);
    expect(toggleColumn(['a'], 'a')).toEqual(['a']);
  });
  it('renders cells: timestamps compact, arrays joined, absent blank', () => {
    const source = { '@timestamp': '2021-11-30T22:05:47.229Z', event: { category: ['process', 'library'] } };
    expect(cellText(source, '@timestamp')).toBe('2021-11-30 22:05:47.229');
    expect(cellText(source, 'event.category')).toBe('process, library');
    expect(cellText(source, 'host.name')).toBe('');
    expect(cellText({ 'process.name': 'a.exe' }, 'process.name')).toBe('a.exe');
  });
  it('sizes columns by what they hold', () => {
    expect(columnWidth('@timestamp')).toBe(176);
    expect(columnWidth('process.command_line')).toBe(300);
    expect(columnWidth('host.name')).toBe(150);
  });
  it('filters field names by every word', () => {
    const names = ['process.name', 'process.parent.name', 'host.name', 'dll.path'];
    expect(filterFieldNames(names, 'PROC name')).toEqual(['process.name', 'process.parent.name']);
    expect(filterFieldNames(names, '  ')).toBe(names);
  });
});
