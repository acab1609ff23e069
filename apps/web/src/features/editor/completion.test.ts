import { describe, expect, it } from 'vitest';
import { completionItems, escapeEql, quoteEql } from './completion.js';
import { cursorContext } from './cursor-context.js';
import { buildFieldCatalog, type EcsRow } from './field-catalog.js';

const ECS: EcsRow[] = [
  ['@timestamp', 'date', 'Date/time when the event originated.'],
  ['dll.name', 'keyword', 'Name of the library.', 'kernel32.dll'],
  ['dll.path', 'keyword', 'Full file path of the library.'],
  ['event.category', 'keyword', 'Event category.', '', ['file', 'library', 'process']],
  ['process.name', 'keyword', 'Process name.'],
  ['process.pid', 'long', 'Process id.'],
];
const catalog = buildFieldCatalog(ECS, [
  { name: 'process.name', types: ['string'], count: 12, examples: ['WINWORD.EXE', 'C:\\x "y".exe'] },
  { name: 'event.category', types: ['string'], count: 12, examples: ['library'] },
  { name: 'winlog.event_id', types: ['long'], count: 3, examples: [7] },
]);

function itemsAt(marked: string) {
  const offset = marked.indexOf('¦');
  return completionItems(cursorContext(marked.replace('¦', ''), offset), catalog);
}

const labels = (marked: string) => itemsAt(marked).map((i) => i.label);

describe('completionItems', () => {
  it('offers dll.name after `dll.`', () => {
    expect(labels('any where dll.¦')).toEqual(['dll.name', 'dll.path']);
    const [name] = itemsAt('any where dll.¦');
    expect(name?.detail).toBe('keyword · ECS');
    expect(name?.documentation).toContain('Name of the library.');
  });

  it('offers corpus fields whole and ECS fields by group at the top level', () => {
    const l = labels('any where ¦');
    expect(l).toEqual(
      expect.arrayContaining(['process.name', 'event.category', 'winlog.event_id', 'dll.', '@timestamp']),
    );
    expect(l).not.toContain('dll.name');
    expect(l).toEqual(expect.arrayContaining(['startsWith', 'startsWith~', 'cidrMatch', 'not']));
  });

  it('describes corpus fields with counts and examples', () => {
    const item = itemsAt('any where proc¦').find((i) => i.label === 'process.name');
    expect(item?.detail).toBe('keyword · 12 in corpus');
    expect(item?.sortText).toBe('0process.name');
  });

  it('offers categories with the corpus first, then where', () => {
    const l = labels('¦');
    expect(l.slice(0, 2)).toEqual(['any', 'library']);
    expect(l).toEqual(expect.arrayContaining(['file', 'process', 'sequence', 'sample']));
    expect(labels('process ¦')).toEqual(['where']);
  });

  it('offers values seen for the field, quoted and escaped', () => {
    const items = itemsAt('any where process.name : ¦');
    expect(items.map((i) => i.insertText)).toEqual(['"WINWORD.EXE"', '"C:\\\\x \\"y\\".exe"']);
    expect(itemsAt('any where winlog.event_id == ¦').map((i) => i.insertText)).toEqual(['7']);
  });

  it('puts the top values from the server first, most frequent first, with their counts', () => {
    const offset = 'any where process.name : '.length;
    const items = completionItems(cursorContext('any where process.name : ', offset), catalog, [
      { value: 'EXCEL.EXE', count: 1204 },
      { value: 'WINWORD.EXE', count: 1 },
    ]);
    expect(items.map((i) => [i.insertText, i.detail])).toEqual([
      ['"EXCEL.EXE"', 'process.name · 1,204 events'],
      ['"WINWORD.EXE"', 'process.name · 1 event'],
      ['"C:\\\\x \\"y\\".exe"', 'process.name · seen in corpus'],
    ]);
    expect(items.map((i) => i.sortText)).toEqual(['0001', '0002', '0003']);
  });

  it('inserts raw text inside an open string', () => {
    expect(itemsAt('any where process.name : "WIN¦').map((i) => i.insertText)).toEqual([
      'WINWORD.EXE',
      'C:\\\\x \\"y\\".exe',
    ]);
  });

  it('adds ECS allowed values for event.category', () => {
    expect(labels('any where event.category in ("library", ¦')).toEqual(['library', 'file', 'process']);
  });

  it('offers operators after a field and joins after an operand', () => {
    expect(labels('any where process.name ¦').slice(0, 4)).toEqual(['==', '!=', ':', 'in']);
    expect(labels('any where a == 1 ¦')).toEqual(['and', 'or', '| head', '| tail']);
    expect(labels('sequence [process where true] ¦')).toEqual(
      expect.arrayContaining(['by', 'with runs', 'until', '[']),
    );
  });

  it('offers pipes after |', () => {
    expect(labels('any where true | ¦')).toEqual(['head', 'tail']);
  });

  it('offers nothing in comments', () => {
    expect(labels('any where // ¦')).toEqual([]);
  });
});

describe('quoteEql', () => {
  it('escapes backslashes, quotes and control characters', () => {
    expect(quoteEql('C:\\Windows\\"x"')).toBe('"C:\\\\Windows\\\\\\"x\\""');
    expect(escapeEql('a\tb\nc')).toBe('a\\tb\\nc');
  });
});
