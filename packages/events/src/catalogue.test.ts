import { describe, expect, it } from 'vitest';
import { buildFieldCatalogue } from './catalogue.js';

describe('buildFieldCatalogue', () => {
  it('lists every field with its types, document counts and top values', () => {
    const catalogue = buildFieldCatalogue(
      [
        { process: { name: 'EXCEL.EXE', pid: 1 }, event: { category: ['process', 'library'] } },
        { process: { name: 'EXCEL.EXE', pid: '2' }, dns: { answers: [{ data: 'a' }, { data: 'b' }] } },
        { process: { name: 'cmd.exe' }, event: { category: ['process'] }, 'host.name': 'ws1', tag: null },
      ],
      { topValues: 2 },
    );
    expect(catalogue.map((f) => f.field)).toEqual([
      'dns',
      'dns.answers',
      'dns.answers.data',
      'event',
      'event.category',
      'host.name',
      'process',
      'process.name',
      'process.pid',
      'tag',
    ]);
    const byName = Object.fromEntries(catalogue.map((f) => [f.field, f]));
    expect(byName['process.name']).toEqual({
      field: 'process.name',
      count: 3,
      types: { string: 3 },
      values: [
        { value: 'EXCEL.EXE', count: 2 },
        { value: 'cmd.exe', count: 1 },
      ],
    });
    expect(byName['process.pid']?.types).toEqual({ number: 1, string: 1 });
    expect(byName['event.category']).toMatchObject({
      count: 2,
      values: [
        { value: 'process', count: 2 },
        { value: 'library', count: 1 },
      ],
    });
    expect(byName['dns.answers.data']).toMatchObject({ count: 1, types: { string: 2 } });
    expect(byName.tag).toEqual({ field: 'tag', count: 1, types: { null: 1 }, values: [] });
  });

  it('stops counting new values past maxDistinct but keeps counting known ones', () => {
    const docs = [{ a: 'x' }, { a: 'y' }, { a: 'z' }, { a: 'x' }];
    expect(buildFieldCatalogue(docs, { maxDistinct: 2 })[0]?.values).toEqual([
      { value: 'x', count: 2 },
      { value: 'y', count: 1 },
    ]);
  });
});
