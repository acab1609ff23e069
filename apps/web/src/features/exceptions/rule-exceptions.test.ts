import type { Rule } from '@rulebench/rules';
import { describe, expect, it } from 'vitest';
import {
  describeEntry,
  fromKibanaEntry,
  itemSuppresses,
  previewEntries,
  previewItems,
  ruleExceptions,
  toKibanaEntry,
  toKibanaItem,
  withRuleExceptions,
} from './rule-exceptions.js';

const rule = {
  metadata: {},
  rule_id: 'r',
  name: 'R',
  description: '',
  type: 'eql',
  severity: 'low',
  risk_score: 21,
} as Rule;

describe('Kibana exception items', () => {
  it('maps each builder operator to a Kibana entry type and operator, and back', () => {
    expect(toKibanaEntry({ field: ' process.name ', operator: 'is', value: 'a.exe' })).toEqual({
      field: 'process.name',
      operator: 'included',
      type: 'match',
      value: 'a.exe',
    });
    expect(toKibanaEntry({ field: 'f', operator: 'is not one of', value: 'a, b' })).toEqual({
      field: 'f',
      operator: 'excluded',
      type: 'match_any',
      value: ['a', 'b'],
    });
    expect(toKibanaEntry({ field: 'f', operator: 'does not exist', value: 'ignored' })).toEqual({
      field: 'f',
      operator: 'excluded',
      type: 'exists',
    });
    expect(toKibanaEntry({ field: 'f', operator: 'matches', value: '*.exe' }).type).toBe('wildcard');
    expect(
      fromKibanaEntry({ field: 'f', operator: 'excluded', type: 'match_any', value: ['a', 'b'] }),
    ).toEqual({
      field: 'f',
      operator: 'is not one of',
      value: 'a, b',
    });
    expect(fromKibanaEntry({ field: 'f', operator: 'included', type: 'list' as 'match' })).toBeUndefined();
  });

  it('builds an item from the complete entries only and previews it on events', () => {
    const item = toKibanaItem('id-1', 'Admin tools', [
      { field: 'process.name', operator: 'is one of', value: 'EXCEL.EXE, WINWORD.EXE' },
      { field: '', operator: 'is', value: 'x' },
      { field: 'user.name', operator: 'is not', value: 'bob' },
    ]);
    expect(item.entries).toHaveLength(2);
    expect(itemSuppresses(item, { process: { name: 'EXCEL.EXE' }, user: { name: 'alice' } })).toBe(true);
    expect(itemSuppresses(item, { process: { name: 'EXCEL.EXE' }, user: { name: 'bob' } })).toBe(false);
    expect(itemSuppresses(item, { process: { name: 'cmd.exe' } })).toBe(false);
    expect(itemSuppresses({ ...item, entries: [] }, {})).toBe(false);
  });

  it('stores items in the rule`s exceptions table and removes the table with the last item', () => {
    const item = toKibanaItem('id-1', 'x', [{ field: 'a', operator: 'exists', value: '' }]);
    const withOne = withRuleExceptions(rule, [item]);
    expect(withOne.extra_tables).toEqual({ exceptions: [item] });
    expect(ruleExceptions(withOne)).toEqual([item]);
    expect(withRuleExceptions(withOne, [])).toEqual(rule);
    const other = { ...rule, extra_tables: { other: { a: 1 } } } as Rule;
    expect(withRuleExceptions(withRuleExceptions(other, [item]), []).extra_tables).toEqual({
      other: { a: 1 },
    });
    expect(ruleExceptions({ extra_tables: { exceptions: [{ entries: 'bad' }, 3] } })).toEqual([]);
  });
});

describe('the previewed exception in a snapshot', () => {
  const entries = [
    { field: 'process.name', operator: 'is one of', value: 'EXCEL.EXE, WINWORD.EXE' },
    { field: 'file.path', operator: 'matches', value: '*\\System32\\*' },
    { field: '', operator: 'is', value: '' },
  ] as const;

  it('is one Kibana item with a fixed id, complete entries only; none while nothing is complete', () => {
    expect(previewItems(entries)).toEqual([
      {
        item_id: 'rulebench-preview',
        name: 'Previewed exception',
        description: '',
        type: 'simple',
        namespace_type: 'single',
        entries: [
          {
            field: 'process.name',
            operator: 'included',
            type: 'match_any',
            value: ['EXCEL.EXE', 'WINWORD.EXE'],
          },
          { field: 'file.path', operator: 'included', type: 'wildcard', value: '*\\System32\\*' },
        ],
      },
    ]);
    expect(previewItems([{ field: 'host.name', operator: 'is', value: ' ' }])).toEqual([]);
  });

  it('comes back as the builder entries, skipping what it cannot show', () => {
    expect(previewEntries(previewItems(entries))).toEqual([
      { field: 'process.name', operator: 'is one of', value: 'EXCEL.EXE, WINWORD.EXE' },
      { field: 'file.path', operator: 'matches', value: '*\\System32\\*' },
    ]);
    expect(previewEntries(undefined)).toBeUndefined();
    expect(
      previewEntries([{ entries: [{ field: 'a', operator: 'included', type: 'list' }] }]),
    ).toBeUndefined();
  });

  it('describes entries as the saved list does', () => {
    const [item] = previewItems(entries);
    expect(item?.entries.map(describeEntry)).toEqual([
      'process.name is one of EXCEL.EXE, WINWORD.EXE',
      'file.path matches *\\System32\\*',
    ]);
    expect(describeEntry({ field: 'dll.name', operator: 'excluded', type: 'exists' })).toBe(
      'dll.name does not exist',
    );
  });
});
