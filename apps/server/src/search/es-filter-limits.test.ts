import { describe, expect, it } from 'vitest';
import { compileEsFilter, MAX_FILTER_DEPTH, wildcardMatcher } from './es-filter.js';

function nestedBool(depth: number): unknown {
  let clause: unknown = { match_all: {} };
  for (let i = 0; i < depth; i++) clause = { bool: { filter: [clause] } };
  return clause;
}

describe('compileEsFilter on hostile filters', () => {
  it('refuses bool nested 10,000 deep with a FilterError, not a stack overflow', () => {
    expect(() => compileEsFilter(nestedBool(10_000), '@timestamp')).toThrow(
      `filter nested too deeply (more than ${MAX_FILTER_DEPTH} levels of bool)`,
    );
    expect(() => compileEsFilter({ bool: { must_not: nestedBool(10_000) } }, '@timestamp')).toThrow(
      'filter nested too deeply',
    );
    expect(compileEsFilter(nestedBool(MAX_FILTER_DEPTH), '@timestamp').test({})).toBe(true);
  });

  it('matches wildcards in time pattern × value, even with many stars', () => {
    const value = 'a'.repeat(20_000);
    const started = performance.now();
    expect(wildcardMatcher(`${'*'.repeat(50)}b`, false)(value)).toBe(false);
    expect(wildcardMatcher(`${'*a'.repeat(50)}b`, false)(value)).toBe(false);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('keeps wildcard semantics: * any run, ? one character, \\ escapes, case folding on request', () => {
    expect(wildcardMatcher('w?1', false)('ws1')).toBe(true);
    expect(wildcardMatcher('WS*', false)('ws1')).toBe(false);
    expect(wildcardMatcher('WS*', true)('ws1')).toBe(true);
    expect(wildcardMatcher('a\\*', false)('a*')).toBe(true);
    expect(wildcardMatcher('a\\*', false)('ab')).toBe(false);
    expect(wildcardMatcher('*.dll', true)('C:\\Windows\\X.DLL')).toBe(true);
    expect(wildcardMatcher('a*b*c', false)('aXbYbZc')).toBe(true);
    expect(wildcardMatcher('a*b*c', false)('aXbYbZ')).toBe(false);
    expect(wildcardMatcher('', false)('')).toBe(true);
    expect(wildcardMatcher('*', false)('')).toBe(true);
  });
});
