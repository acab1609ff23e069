import { describe, expect, it } from 'vitest';
import { compileEsFilter, FilterError } from '../search/es-filter.js';
import { exceptionsToFilter } from './exceptions-filter.js';

describe('exceptionsToFilter', () => {
  const passes = (items: unknown[], doc: unknown) => {
    const filter = exceptionsToFilter(items);
    return filter === undefined || compileEsFilter(filter, '@timestamp').test(doc);
  };
  const item = (...entries: unknown[]) => ({ entries });

  it('drops events that match every entry of an item', () => {
    const items = [
      item(
        { field: 'host.name', operator: 'included', type: 'match', value: 'ws1' },
        { field: 'process.name', operator: 'included', type: 'match_any', value: ['a.exe', 'b.exe'] },
      ),
    ];
    expect(passes(items, { host: { name: 'ws1' }, process: { name: 'b.exe' } })).toBe(false);
    expect(passes(items, { host: { name: 'ws1' }, process: { name: 'c.exe' } })).toBe(true);
    expect(passes(items, { host: { name: 'ws2' }, process: { name: 'a.exe' } })).toBe(true);
  });

  it('drops events matching any item, and honours excluded, exists and nested entries', () => {
    const items = [
      item({ field: 'user.name', operator: 'excluded', type: 'match', value: 'admin' }),
      item({
        field: 'dll',
        type: 'nested',
        entries: [{ field: 'name', operator: 'included', type: 'exists' }],
      }),
    ];
    expect(passes(items, { user: { name: 'bob' } })).toBe(false);
    expect(passes(items, { user: { name: 'admin' } })).toBe(true);
    expect(passes(items, { user: { name: 'admin' }, dll: { name: 'x.dll' } })).toBe(false);
    expect(exceptionsToFilter([])).toBeUndefined();
  });

  it('reads wildcard values as the workbench preview does: * and ? only, any case, backslashes literal', () => {
    const items = [
      item({ field: 'file.path', operator: 'included', type: 'wildcard', value: '*\\System32\\*' }),
    ];
    expect(passes(items, { file: { path: 'C:\\Windows\\system32\\wbem\\wmiutils.dll' } })).toBe(false);
    expect(passes(items, { file: { path: 'C:\\Windows\\SysWOW64\\wbem\\wmiutils.dll' } })).toBe(true);
    const one = [item({ field: 'host.name', operator: 'excluded', type: 'wildcard', value: 'ws?' })];
    expect(passes(one, { host: { name: 'WS1' } })).toBe(true);
    expect(passes(one, { host: { name: 'ws12' } })).toBe(false);
  });

  it('refuses what it cannot replay, naming the entry', () => {
    expect(() => exceptionsToFilter([item({ field: 'a', type: 'list', value: {} })])).toThrow(
      new FilterError(
        'exceptions[0].entries[0].type "list" cannot be replayed; Rulebench applies match, match_any, exists, wildcard and nested entries',
      ),
    );
    expect(() => exceptionsToFilter([{ entries: [] }])).toThrow(
      'exceptions[0].entries must be a non-empty list',
    );
    expect(() => exceptionsToFilter([item({ field: 'a', type: 'match', value: 3 })])).toThrow(
      'exceptions[0].entries[0].value must be a string',
    );
  });
});
