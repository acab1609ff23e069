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

describe('long field paths (hostile queries)', () => {
  // `any where a.a.a…(5,000×).b == 1`: field access must stay linear in the path's length.
  const segments = [...Array.from({ length: 4_999 }, () => 'a'), 'b'];
  const dotted = segments.join('.');

  /** A source whose every property access is counted, to measure work without timing. */
  function counted(target: Record<string, unknown>, counter: { reads: number }): Record<string, unknown> {
    return new Proxy(target, {
      get: (object, key) => {
        counter.reads++;
        return Reflect.get(object, key);
      },
      has: (object, key) => {
        counter.reads++;
        return Reflect.has(object, key);
      },
      ownKeys: (object) => {
        counter.reads++;
        return Reflect.ownKeys(object);
      },
      getOwnPropertyDescriptor: (object, key) => {
        counter.reads++;
        return Reflect.getOwnPropertyDescriptor(object, key);
      },
    });
  }

  it('reads each event a bounded number of times when the top-level key is missing', () => {
    const access = compileFieldAccessor(dotted);
    const counter = { reads: 0 };
    for (let i = 0; i < 1_000; i++) {
      const source = counted({ '@timestamp': i, event: { category: 'process' }, a_b: 1 }, counter);
      expect(access(source)).toBeUndefined();
      expect(lookupField(source, dotted)).toEqual({ state: 'missing' });
    }
    // Before: one own-key lookup per prefix (5,000 per event, each hashing a longer key).
    expect(counter.reads).toBeLessThan(1_000 * 20);
  });

  it('finds the value in flat, nested and mixed spellings', () => {
    const access = compileFieldAccessor(dotted);
    let nested: Record<string, unknown> = { b: 1 };
    for (let i = 0; i < 4_999; i++) nested = { a: nested };
    const half = segments.slice(2_500).join('.');
    const mixed = { a: { 'a.a': { [segments.slice(3).join('.')]: 3 } } };
    const events: Array<[Record<string, unknown>, number]> = [
      [{ [dotted]: 1 }, 1],
      [nested, 1],
      [{ [segments.slice(0, 2_500).join('.')]: { [half]: 2 } }, 2],
      [mixed, 3],
      [{ a: { a: 'scalar' } }, Number.NaN],
    ];
    const started = performance.now();
    for (let round = 0; round < 200; round++) {
      for (const [source, expected] of events) {
        const value = access(source);
        if (Number.isNaN(expected)) expect(value).toBeUndefined();
        else expect(value).toBe(expected);
      }
    }
    expect(lookupField(mixed, dotted)).toEqual({ state: 'values', values: [3] });
    expect(getFieldValues({ [dotted]: [1, 2] }, segments)).toEqual([1, 2]);
    // Generous: quadratic prefix building took seconds here; linear access takes milliseconds.
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it('keeps both spellings of a long path, shorter keys first', () => {
    const path = 'a.b.c.d.e.f.g.h.i.j';
    const source = { a: { 'b.c.d.e.f.g.h.i.j': 'long' }, 'a.b.c.d.e.f.g.h.i.j': 'flat' };
    expect(getFieldValues(source, path)).toEqual(['long', 'flat']);
    expect(getFieldValues({ a: { 'b.c': { 'd.e.f.g.h.i': { j: 1 } }, b: { c: 2 } } }, path)).toEqual([1]);
  });
});
