import { describe, expect, it } from 'vitest';
import {
  containsText,
  eqlFieldName,
  eqlString,
  filterQuery,
  parseBound,
  parseFilter,
  splitWords,
  termToEql,
  withinBounds,
} from './event-filter.js';

const KNOWN = new Set([
  'process.name',
  'event.code',
  '@timestamp',
  'destination.port',
  'dll.code_signature.exists',
]);

describe('parseFilter', () => {
  it('separates field terms from free text', () => {
    expect(parseFilter('process.name:powershell.exe  mimikatz', KNOWN)).toEqual({
      text: 'mimikatz',
      terms: [{ field: 'process.name', value: 'powershell.exe' }],
    });
  });
  it('keeps quoted values and phrases together', () => {
    expect(parseFilter('process.name:"power shell.exe" "two words"', KNOWN)).toEqual({
      text: 'two words',
      terms: [{ field: 'process.name', value: 'power shell.exe' }],
    });
    expect(splitWords('a "b c" d:"e f"')).toEqual(['a', '"b c"', 'd:"e f"']);
  });
  it('treats unknown names, URLs and paths as text', () => {
    expect(parseFilter('http://example.test C:\\Windows', KNOWN)).toEqual({
      text: 'http://example.test C:\\Windows',
      terms: [],
    });
    expect(parseFilter('user.name:bob', KNOWN).terms).toEqual([]);
  });
  it('is empty for blank input', () => {
    expect(parseFilter('   ', KNOWN)).toEqual({ text: '', terms: [] });
  });
});

describe('EQL for field terms', () => {
  it('quotes segments that are not identifiers', () => {
    expect(eqlFieldName('process.name')).toBe('process.name');
    expect(eqlFieldName('@timestamp')).toBe('`@timestamp`');
    expect(eqlFieldName('winlog.event_data.Some-Field')).toBe('winlog.event_data.`Some-Field`');
  });
  it('escapes strings', () => {
    expect(eqlString('C:\\Windows\\"x"')).toBe('"C:\\\\Windows\\\\\\"x\\""');
  });
  it('compares numbers and booleans by type, text with `:`', () => {
    expect(termToEql({ field: 'destination.port', value: '443' }, ['long'])).toBe('destination.port == 443');
    expect(termToEql({ field: 'event.code', value: '4688' }, ['string'])).toBe('event.code : "4688"');
    expect(termToEql({ field: 'dll.code_signature.exists', value: 'TRUE' }, ['boolean'])).toBe(
      'dll.code_signature.exists == true',
    );
    expect(termToEql({ field: 'destination.port', value: '44*' }, ['long'])).toBe('destination.port : "44*"');
  });
  it('joins terms with and', () => {
    expect(
      filterQuery(
        [
          { field: 'process.name', value: 'power*' },
          { field: 'destination.port', value: '443' },
        ],
        (f) => (f === 'destination.port' ? ['long'] : ['string']),
      ),
    ).toBe('any where process.name : "power*" and destination.port == 443');
  });
});

describe('client-side text and time checks', () => {
  it('finds text anywhere in the event, ignoring case', () => {
    expect(containsText({ process: { name: 'PowerShell.exe' } }, 'powershell')).toBe(true);
    expect(containsText({ process: { name: 'cmd.exe' } }, 'powershell')).toBe(false);
    expect(containsText({}, '')).toBe(true);
  });
  it('reads bounds as ISO-8601 or epoch millis', () => {
    expect(parseBound('')).toBeUndefined();
    expect(parseBound('2021-11-30T22:05:50Z')).toBe(Date.UTC(2021, 10, 30, 22, 5, 50));
    expect(parseBound('1638309950000')).toBe(1638309950000);
    expect(parseBound('yesterday')).toBeNull();
  });
  it('keeps events inside the bounds', () => {
    const from = Date.UTC(2021, 10, 30, 22, 5, 50);
    expect(withinBounds('2021-11-30T22:05:59.927Z', from, undefined)).toBe(true);
    expect(withinBounds('2021-11-30T22:05:44.846Z', from, undefined)).toBe(false);
    expect(withinBounds(undefined, from, undefined)).toBe(false);
    expect(withinBounds(undefined, undefined, undefined)).toBe(true);
  });
});
