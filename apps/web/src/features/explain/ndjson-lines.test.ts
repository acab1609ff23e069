import { describe, expect, it } from 'vitest';
import { NdjsonLines } from './ndjson-lines.js';

describe('NdjsonLines', () => {
  it('joins lines split across chunks and keeps the unfinished one for later', () => {
    const lines = new NdjsonLines();
    expect(lines.push('{"a":1}\n{"b"')).toEqual(['{"a":1}']);
    expect(lines.push(':2}\n\n{"c":3}')).toEqual(['{"b":2}']);
    expect(lines.flush()).toEqual(['{"c":3}']);
    expect(lines.flush()).toEqual([]);
  });
});
