import { describe, expect, it } from 'vitest';
import { fieldValues } from './field-values.js';

describe('fieldValues', () => {
  it('reads nested objects, flat dotted keys and mixes of both', () => {
    expect(fieldValues({ process: { name: 'a' } }, 'process.name')).toEqual(['a']);
    expect(fieldValues({ 'process.name': 'b' }, 'process.name')).toEqual(['b']);
    expect(fieldValues({ process: { 'parent.name': 'c' } }, 'process.parent.name')).toEqual(['c']);
  });

  it('flattens arrays at any level and skips nulls', () => {
    expect(fieldValues({ event: { category: ['process', 'library'] } }, 'event.category')).toEqual([
      'process',
      'library',
    ]);
    expect(fieldValues({ hits: [{ n: 1 }, { n: [2, null] }, {}] }, 'hits.n')).toEqual([1, 2]);
    expect(fieldValues({ a: null }, 'a')).toEqual([]);
    expect(fieldValues({ a: 'x' }, 'a.b')).toEqual([]);
  });
});

describe('fieldValues on hostile input', () => {
  it('reads a 5,000-segment path in time linear in the document, not quadratic in the path', () => {
    const path = `${'a.'.repeat(5_000)}b`;
    let doc: unknown = { b: 1 };
    for (let i = 0; i < 3; i++) doc = { a: doc };
    const started = performance.now();
    for (let i = 0; i < 1_000; i++) expect(fieldValues(doc, path)).toEqual([]);
    expect(fieldValues({ [path]: 7 }, path)).toEqual([7]);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('does not overflow the stack on arrays nested 100,000 deep', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(fieldValues({ a: deep }, 'a')).toEqual([]);
    expect(fieldValues({ a: [['x']] }, 'a')).toEqual(['x']);
  });
});
