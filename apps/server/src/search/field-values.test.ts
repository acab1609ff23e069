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
