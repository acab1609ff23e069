import { describe, expect, it } from 'vitest';
import { queryParts } from './query-tokens.js';

describe('queryParts', () => {
  it('colours keywords, categories, fields, functions, strings and numbers', () => {
    const query = 'process where process.name : ("a*", "b") and length(x) > 3';
    const parts = queryParts(query);
    expect(parts.map((p) => p.text).join('')).toBe(query);
    const kinds = parts.filter((p) => p.kind !== 'plain').map((p) => `${p.kind}:${p.text}`);
    expect(kinds).toContain('category:process');
    expect(kinds).toContain('keyword:where');
    expect(kinds).toContain('string:"a*"');
    expect(kinds).toContain('keyword:and');
    expect(kinds).toContain('function:length');
    expect(kinds).toContain('number:3');
    expect(kinds).toContain('operator::');
    expect(kinds.filter((k) => k.startsWith('field:')).join('')).toContain('process');
  });

  it('keeps comments and unreadable text, so the text comes back whole', () => {
    const query = 'any where true // why\n and "unterminated';
    const parts = queryParts(query);
    expect(parts.map((p) => p.text).join('')).toBe(query);
    expect(parts.some((p) => p.kind === 'comment' && p.text.includes('// why'))).toBe(true);
  });
});
