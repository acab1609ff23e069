import type { ImportedOther, RuleListItem } from '@rulebench/rules';
import { describe, expect, it } from 'vitest';
import { fileNameFromDisposition } from './api/export-rule.js';
import { listSearchParams } from './api/get-rules.js';
import { importQuery } from './api/import-rules.js';
import { describeOthers, describeStatus, libraryFacets } from './library-facets.js';

const item = (tags: string[], type: string, tactics: { id: string; name: string }[] = []) =>
  ({ tags, type, tactics }) as unknown as RuleListItem;

describe('libraryFacets', () => {
  it('offers tags by use, tactics by id and types sorted', () => {
    const facets = libraryFacets([
      item(['ms office', 'child process'], 'query'),
      item(['ms office', 'EQL'], 'eql', [{ id: 'TA0002', name: 'Execution' }]),
      item([], 'esql', [
        { id: 'TA0002', name: 'Execution' },
        { id: 'TA0001', name: 'Initial Access' },
      ]),
    ]);
    expect(facets).toEqual({
      tags: ['ms office', 'child process', 'EQL'],
      tactics: [
        { id: 'TA0001', name: 'Initial Access' },
        { id: 'TA0002', name: 'Execution' },
      ],
      types: ['eql', 'esql', 'query'],
    });
  });
});

describe('describeOthers', () => {
  it('counts the non-rule lines of a Kibana export', () => {
    const others = [
      'exception_list',
      'exception_list',
      'exception_list_item',
      'action_connector',
      'export_summary',
    ].map((kind, i) => ({ line: i + 10, kind, ref: null, name: null, kept: false }) satisfies ImportedOther);
    expect(describeOthers(others)).toBe(
      '2 exception lists, 1 exception list item, 1 connector, export summary',
    );
  });
});

describe('describeStatus', () => {
  it('words what an import does', () => {
    expect(describeStatus('created', true)).toBe('new');
    expect(describeStatus('unchanged', false)).toBe('already in the library, identical');
    expect(describeStatus('updated', false)).toBe('saved as a new revision of your copy');
    expect(describeStatus('updated', true)).toBe('changed: a new revision of your copy');
  });
});

describe('request helpers', () => {
  it('leaves empty filters out of the list query', () => {
    expect(listSearchParams({ q: ' T1047 ', tag: '', source: 'user' })).toBe('?q=T1047&source=user');
    expect(listSearchParams({})).toBe('');
  });

  it('repeats `line` for the chosen rules of an import', () => {
    expect(importQuery({ fileName: 'rules.ndjson', dryRun: false, lines: [1, 4] })).toBe(
      '?filename=rules.ndjson&line=1&line=4',
    );
    expect(importQuery({ dryRun: true, format: 'toml' })).toBe('?format=toml&dry_run=true');
  });

  it('reads the file name of a download', () => {
    expect(fileNameFromDisposition('attachment; filename="rule.toml"', 'x')).toBe('rule.toml');
    expect(fileNameFromDisposition(null, 'fallback.ndjson')).toBe('fallback.ndjson');
  });
});
