import { describe, expect, it } from 'vitest';
import { buildFieldCatalog } from './field-catalog.js';
import { hoverAt, topValuesMarkdown } from './hover.js';

const catalog = buildFieldCatalog(
  [
    ['dll.name', 'keyword', 'Name of the library.', 'kernel32.dll'],
    ['event.category', 'keyword', 'Event category.', '', ['library', 'process']],
  ],
  [
    { name: 'dll.name', types: ['string'], count: 4, examples: ['wmiutils.dll', 'ntdll.dll'] },
    { name: 'event.category', types: ['string'], count: 9, examples: ['library'] },
  ],
);

const query = 'library where ?dll.name : "wmiutils.dll" and startsWith~(x.y, "a") and not foo.bar';

describe('hoverAt', () => {
  it('documents a field over its whole path, with corpus values', () => {
    const hover = hoverAt(query, query.indexOf('name'), catalog);
    expect(hover?.range).toEqual({ start: 15, end: 23 });
    expect(hover?.markdown).toBe(
      '**dll.name** · `keyword`\n\nName of the library.\n\nExample: `kernel32.dll`\n\nIn this corpus: 4 events, e.g. `wmiutils.dll`, `ntdll.dll`',
    );
  });

  it('marks field hovers for the corpus values the provider adds', () => {
    expect(hoverAt(query, query.indexOf('name'), catalog)?.field).toBe('dll.name');
    expect(hoverAt(query, query.indexOf('foo'), catalog)?.field).toBeUndefined();
  });

  it('lists top values with their event counts', () => {
    const values = [
      { value: 'a.dll', count: 1500 },
      { value: 7, count: 2 },
      { value: true, count: 1 },
    ];
    expect(topValuesMarkdown({ field: 'f', scanned: 9, present: 9, distinct: 3, values })).toBe(
      'Top values in this corpus (events): `"a.dll"` 1,500 · `7` 2 · `true` 1',
    );
    expect(topValuesMarkdown({ field: 'f', scanned: 9, present: 9, distinct: 5, values }, 1)).toBe(
      'Top values in this corpus (events): `"a.dll"` 1,500 · … 4 more',
    );
    expect(topValuesMarkdown({ field: 'f', scanned: 9, present: 0, distinct: 0, values: [] })).toBe('');
  });

  it('documents functions', () => {
    const hover = hoverAt(query, query.indexOf('startsWith') + 2, catalog);
    expect(hover?.markdown).toContain('startsWith(');
    expect(hover?.markdown).toContain('case-insensitively');
  });

  it('documents keywords and categories', () => {
    expect(hoverAt(query, query.indexOf('where'), catalog)?.markdown).toBe(
      '**where** · keyword\n\nIntroduces the condition an event must meet.',
    );
    expect(hoverAt(query, 2, catalog)?.markdown).toBe(
      '**library** · event category\n\nEvents whose `event.category` is `library`.',
    );
  });

  it('says when a field is unknown', () => {
    expect(hoverAt(query, query.indexOf('bar'), catalog)?.markdown).toBe(
      '**foo.bar**\n\n_Not an ECS field, and not present in this corpus._',
    );
  });

  it('returns null between tokens and on strings', () => {
    expect(hoverAt(query, query.indexOf('wmiutils'), catalog)).toBeNull();
    expect(hoverAt(query, 7, catalog)).toBeNull();
  });
});
