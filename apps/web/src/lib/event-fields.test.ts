import { describe, expect, it } from 'vitest';
import { fieldText, firstFieldText, getField } from './event-fields.js';

describe('getField', () => {
  it('reads nested, flat and mixed paths alike', () => {
    expect(getField({ process: { parent: { name: 'a' } } }, 'process.parent.name')).toBe('a');
    expect(getField({ 'process.parent.name': 'b' }, 'process.parent.name')).toBe('b');
    expect(getField({ 'process.parent': { name: 'c' } }, 'process.parent.name')).toBe('c');
    expect(getField({ process: { 'parent.name': 'd' } }, 'process.parent.name')).toBe('d');
  });

  it('returns undefined for absent paths and keeps null', () => {
    expect(getField({ process: { name: 'x' } }, 'process.pid')).toBeUndefined();
    expect(getField({ dll: null }, 'dll.name')).toBeUndefined();
    expect(getField({ dll: { name: null } }, 'dll.name')).toBeNull();
  });

  it('collects values through arrays of objects', () => {
    expect(getField({ hits: [{ id: 1 }, { id: 2 }, {}] }, 'hits.id')).toEqual([1, 2]);
  });

  it('does not read inherited properties', () => {
    expect(getField({}, 'constructor')).toBeUndefined();
  });
});

describe('fieldText', () => {
  it('formats scalars, arrays and objects', () => {
    expect(fieldText('x')).toBe('x');
    expect(fieldText(42)).toBe('42');
    expect(fieldText(['process', 'library'])).toBe('process, library');
    expect(fieldText({ a: 1 })).toBe('{"a":1}');
    expect(fieldText(null)).toBeUndefined();
    expect(fieldText([])).toBeUndefined();
  });
});

describe('firstFieldText', () => {
  it('takes the first present path', () => {
    expect(firstFieldText({ file: { name: 'wmiutils.dll' } }, ['dll.name', 'file.name'])).toBe(
      'wmiutils.dll',
    );
    expect(firstFieldText({}, ['dll.name', 'file.name'])).toBeUndefined();
  });
});
