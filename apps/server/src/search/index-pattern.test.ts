import { describe, expect, it } from 'vitest';
import { globMatches, resolveIndexExpression } from './index-pattern.js';

describe('globMatches', () => {
  it('matches literal pieces in order around stars', () => {
    expect(globMatches('logs-*', 'logs-2024')).toBe(true);
    expect(globMatches('*-2024', 'logs-2024')).toBe(true);
    expect(globMatches('l*s*4', 'logs-2024')).toBe(true);
    expect(globMatches('*', '')).toBe(true);
    expect(globMatches('a*a', 'a')).toBe(false);
    expect(globMatches('*b*a', 'ab')).toBe(false);
    expect(globMatches('fixture', 'fixture')).toBe(true);
    expect(globMatches('fixtur', 'fixture')).toBe(false);
    // Regular-expression characters are plain text here.
    expect(globMatches('a.c', 'abc')).toBe(false);
    expect(globMatches('(a|b)*', '(a|b)-x')).toBe(true);
  });

  it('answers at once for 10,000 stars before a character that is never there', () => {
    const id = 'a'.repeat(200);
    const started = performance.now();
    expect(globMatches(`${'*'.repeat(10_000)}X`, id)).toBe(false);
    expect(globMatches(`${'*a'.repeat(5_000)}X`, id)).toBe(false);
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('resolveIndexExpression', () => {
  const ids = ['logs-a', 'logs-b', 'logs-old', 'fixture'];

  it('resolves names, patterns, comma lists and exclusions as Elasticsearch does', () => {
    expect(resolveIndexExpression('fixture', ids)).toEqual({ ok: true, ids: ['fixture'] });
    expect(resolveIndexExpression('logs-*', ids)).toEqual({
      ok: true,
      ids: ['logs-a', 'logs-b', 'logs-old'],
    });
    expect(resolveIndexExpression('logs-*,-logs-old', ids)).toEqual({ ok: true, ids: ['logs-a', 'logs-b'] });
    expect(resolveIndexExpression('fixture, logs-a', ids)).toEqual({ ok: true, ids: ['logs-a', 'fixture'] });
    expect(resolveIndexExpression('nomatch-*', ids)).toEqual({ ok: true, ids: [] });
    expect(resolveIndexExpression('fixture,nope', ids)).toEqual({ ok: false, missing: 'nope' });
  });
});
