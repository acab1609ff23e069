import { describe, expect, it } from 'vitest';
import { compileEsFilter } from './es-filter.js';

const NOW = Date.UTC(2024, 2, 1, 12);
const doc = (ts: string, extra: Record<string, unknown> = {}) => ({ '@timestamp': ts, ...extra });

describe('compileEsFilter', () => {
  it('turns a top-level @timestamp range into indexed bounds and a test', () => {
    const f = compileEsFilter(
      { range: { '@timestamp': { gte: '2024-03-01T10:00:00Z', lt: 'now' } } },
      '@timestamp',
      NOW,
    );
    expect(f.fromTs).toBe(Date.UTC(2024, 2, 1, 10));
    expect(f.toTs).toBe(NOW - 1);
    expect(f.test(doc('2024-03-01T10:00:00Z'))).toBe(true);
    expect(f.test(doc('2024-03-01T12:00:00Z'))).toBe(false);
    expect(f.test({})).toBe(false);
  });

  it('narrows bounds through bool.filter but not through should or must_not', () => {
    const f = compileEsFilter(
      {
        bool: {
          filter: [{ range: { '@timestamp': { gt: 1000 } } }],
          should: [{ range: { '@timestamp': { lte: 5000 } } }],
        },
      },
      '@timestamp',
      NOW,
    );
    expect(f.fromTs).toBe(1001);
    expect(f.toTs).toBeUndefined();
  });

  it('supports term, terms, exists, match_all, match_none and bool logic', () => {
    const event = { host: { name: 'ws1' }, event: { category: ['process', 'library'] }, pid: 42 };
    const t = (filter: unknown) => compileEsFilter(filter, '@timestamp', NOW).test(event);
    expect(t({ term: { 'host.name': 'ws1' } })).toBe(true);
    expect(t({ term: { 'host.name': { value: 'ws2' } } })).toBe(false);
    expect(t({ term: { pid: '42' } })).toBe(true);
    expect(t({ terms: { 'event.category': ['network', 'library'] } })).toBe(true);
    expect(t({ exists: { field: 'host.name' } })).toBe(true);
    expect(t({ exists: { field: 'user.name' } })).toBe(false);
    expect(t({ match_all: {} })).toBe(true);
    expect(t({ match_none: {} })).toBe(false);
    expect(t({ bool: { must_not: { term: { 'host.name': 'ws1' } } } })).toBe(false);
    expect(t({ bool: { should: [{ term: { pid: 1 } }, { term: { pid: 42 } }] } })).toBe(true);
    expect(t({ bool: { should: [{ term: { pid: 1 } }] } })).toBe(false);
    expect(t({ range: { pid: { gte: 40, lt: 43 } } })).toBe(true);
    expect(t({ range: { pid: { gt: 42 } } })).toBe(false);
    expect(t({ wildcard: { 'host.name': 'w?1' } })).toBe(true);
    expect(t({ wildcard: { 'host.name': { value: 'WS*' } } })).toBe(false);
    expect(t({ wildcard: { 'host.name': { value: 'WS*', case_insensitive: true } } })).toBe(true);
    expect(t({ wildcard: { 'event.category': 'lib*' } })).toBe(true);
    expect(t({ wildcard: { 'host.name': 'ws\\*' } })).toBe(false);
  });

  it('rejects what it does not support, saying what is supported', () => {
    expect(() => compileEsFilter({ match: { message: 'x' } }, '@timestamp')).toThrow(
      'unsupported filter clause "match" (supported: range, term, terms, wildcard, exists, match_all, match_none, bool)',
    );
    expect(() => compileEsFilter({ range: { '@timestamp': { gte: 'soon' } } }, '@timestamp')).toThrow(
      'range.@timestamp.gte: "soon" is not a date',
    );
    expect(() => compileEsFilter({ range: { pid: { from: 1 } } }, '@timestamp')).toThrow(
      'unsupported range option "from"',
    );
    expect(() => compileEsFilter([], '@timestamp')).toThrow('a filter clause must be an object');
    expect(() => compileEsFilter({ term: {}, range: {} }, '@timestamp')).toThrow(
      'a filter clause must name exactly one field',
    );
    expect(() => compileEsFilter({ bool: { filterr: [] } }, '@timestamp')).toThrow(
      'unsupported bool option "filterr"',
    );
  });
});
