import { describe, expect, it } from 'vitest';
import { compileFieldAccessor, getFieldValues, lookupField } from './fields.js';

describe('getFieldValues', () => {
  it('reads nested objects', () => {
    expect(getFieldValues({ process: { parent: { name: 'a' } } }, 'process.parent.name')).toEqual(['a']);
  });

  it('reads flat dotted keys', () => {
    expect(getFieldValues({ 'process.name': 'x' }, 'process.name')).toEqual(['x']);
  });

  it('reads mixed nesting', () => {
    expect(getFieldValues({ process: { 'parent.name': 'y' } }, ['process', 'parent', 'name'])).toEqual(['y']);
  });

  it('merges a nested and a flat spelling of one field', () => {
    expect(getFieldValues({ process: { name: 'a' }, 'process.name': 'b' }, 'process.name')).toEqual([
      'a',
      'b',
    ]);
  });

  it('flattens arrays, also of objects, and drops nulls', () => {
    const source = { dll: [{ name: 'a.dll' }, { name: ['b.dll', null] }, { other: 1 }] };
    expect(getFieldValues(source, 'dll.name')).toEqual(['a.dll', 'b.dll']);
  });

  it('gives no value for an object', () => {
    expect(getFieldValues({ process: { name: 'a' } }, 'process')).toEqual([]);
  });
});

describe('lookupField', () => {
  it('tells missing from null', () => {
    expect(lookupField({ a: 1 }, 'b')).toEqual({ state: 'missing' });
    expect(lookupField({ b: null }, 'b')).toEqual({ state: 'null' });
    expect(lookupField({ b: [] }, 'b')).toEqual({ state: 'null' });
    expect(lookupField({ b: [null, 2] }, 'b')).toEqual({ state: 'values', values: [2] });
  });
});

describe('compileFieldAccessor', () => {
  const cases: Array<[string, Record<string, unknown>, unknown]> = [
    ['a', { a: 'x' }, 'x'],
    ['a', { a: null }, undefined],
    ['a', { a: [1] }, 1],
    ['a', { a: [1, null, 2] }, [1, 2]],
    ['a.b', { a: { b: true } }, true],
    ['a.b', { 'a.b': 3 }, 3],
    ['a.b', { a: { c: 1 }, 'a.b': 4 }, 4],
    ['a.b', { a: [{ b: 1 }, { b: 2 }] }, [1, 2]],
    ['a.b', { a: 'scalar' }, undefined],
    ['a.b.c', { a: { b: { c: 'deep' } } }, 'deep'],
    ['a.b.c', { a: { 'b.c': 'mixed' } }, 'mixed'],
    ['a.b.c', { 'a.b': { c: 'mixed2' } }, 'mixed2'],
    ['a.b.c', { a: { b: {} } }, undefined],
    ['constructor', {}, undefined],
    ['a.toString', { a: {} }, undefined],
    ['a.constructor', { a: { constructor: 'x' } }, 'x'],
  ];
  for (const [path, source, expected] of cases) {
    it(`${path} in ${JSON.stringify(source)}`, () => {
      const value = compileFieldAccessor(path)(source);
      expect(Array.isArray(value) ? [...value] : value).toEqual(expected);
    });
  }
});
