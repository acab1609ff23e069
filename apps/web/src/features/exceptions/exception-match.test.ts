import { describe, expect, it } from 'vitest';
import { entryHolds, listOf, suppresses, valuesOf, wildcardToRegExp } from './exception-match.js';

const event = {
  process: { name: 'WINWORD.EXE', parent: { name: 'explorer.exe' } },
  'host.name': 'WS5',
  event: { category: ['process', 'library'] },
};

describe('entryHolds', () => {
  it('supports every Kibana operator', () => {
    expect(entryHolds({ field: 'process.name', operator: 'is', value: 'WINWORD.EXE' }, event)).toBe(true);
    expect(entryHolds({ field: 'process.name', operator: 'is', value: 'winword.exe' }, event)).toBe(false);
    expect(entryHolds({ field: 'process.name', operator: 'is not', value: 'EXCEL.EXE' }, event)).toBe(true);
    expect(entryHolds({ field: 'host.name', operator: 'is one of', value: 'WS4, WS5' }, event)).toBe(true);
    expect(entryHolds({ field: 'host.name', operator: 'is not one of', value: 'WS4\nWS5' }, event)).toBe(
      false,
    );
    expect(entryHolds({ field: 'process.parent.name', operator: 'exists', value: '' }, event)).toBe(true);
    expect(entryHolds({ field: 'user.name', operator: 'does not exist', value: '' }, event)).toBe(true);
    expect(
      entryHolds({ field: 'process.parent.name', operator: 'matches', value: 'EXPLORER.*' }, event),
    ).toBe(true);
    expect(
      entryHolds({ field: 'process.name', operator: 'does not match', value: 'win?ord.exe' }, event),
    ).toBe(false);
  });

  it('matches any value of a multi-valued field', () => {
    expect(entryHolds({ field: 'event.category', operator: 'is', value: 'library' }, event)).toBe(true);
    expect(valuesOf(event, 'event.category')).toEqual(['process', 'library']);
  });
});

describe('suppresses', () => {
  it('needs every complete entry to hold and ignores incomplete ones', () => {
    const entries = [
      { field: 'process.name', operator: 'is', value: 'WINWORD.EXE' },
      { field: 'process.parent.name', operator: 'is', value: 'explorer.exe' },
      { field: '', operator: 'is', value: 'x' },
    ] as const;
    expect(suppresses(entries, event)).toBe(true);
    expect(suppresses([{ field: 'process.name', operator: 'is', value: '' }], event)).toBe(false);
    expect(suppresses([...entries, { field: 'host.name', operator: 'is', value: 'WS9' }], event)).toBe(false);
  });
});

describe('helpers', () => {
  it('escapes regex characters in wildcard patterns', () => {
    expect(wildcardToRegExp('C:\\Program Files (x86)\\*.exe').test('c:\\program files (x86)\\a.exe')).toBe(
      true,
    );
    expect(wildcardToRegExp('a.b').test('axb')).toBe(false);
    expect(listOf(' a , b ,, c ')).toEqual(['a', 'b', 'c']);
  });
});
