import { describe, expect, it } from 'vitest';
import { previewItems } from '../exceptions/rule-exceptions.js';
import type { FragmentState } from '../share/types.js';
import { searchFragment } from './local-search.js';

const event = (id: string, name: string, path: string) => ({
  _index: 'sample',
  _id: id,
  _source: {
    '@timestamp': `2020-01-01T00:00:0${id}Z`,
    event: { category: 'library' },
    process: { name },
    file: { path },
  },
});

describe('searchFragment with the exceptions a link carries', () => {
  it('leaves out the events they suppress, as the permalink search on the server does', () => {
    const state: FragmentState = {
      v: 1,
      rule: { name: 'r' },
      query: 'library where true',
      corpus: 'sample',
      options: {
        size: 100,
        exceptions: previewItems([
          { field: 'process.name', operator: 'is', value: 'EXCEL.EXE' },
          { field: 'file.path', operator: 'matches', value: '*\\SysWOW64\\*' },
        ]),
      },
      selection: {},
      events: [
        event('1', 'EXCEL.EXE', 'C:\\Windows\\SysWOW64\\wbem\\wmiutils.dll'),
        event('2', 'EXCEL.EXE', 'C:\\Windows\\System32\\wbem\\wmiutils.dll'),
        event('3', 'WINWORD.EXE', 'C:\\Windows\\SysWOW64\\wbem\\wmiutils.dll'),
      ],
    };
    expect(searchFragment(state).hits.events?.map((e) => e._id)).toEqual(['2', '3']);
    // Malformed items (a link is untrusted) suppress nothing rather than failing the page.
    expect(
      searchFragment({ ...state, options: { exceptions: [null, { entries: 'x' }] } }).hits.events?.length,
    ).toBe(3);
  });
});
