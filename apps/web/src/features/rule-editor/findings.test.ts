import type { Finding } from '@rulebench/rules';
import { describe, expect, it } from 'vitest';
import { countFindings, findingsFor, queryDiagnostics, tabOf } from './findings.js';

const finding = (field: string, code = 'x', extra: Partial<Finding> = {}): Finding => ({
  severity: 'warning',
  code,
  message: `${code} at ${field}`,
  field,
  ...extra,
});

describe('findingsFor', () => {
  it('matches the field and anything under it, not fields that only share a prefix', () => {
    const all = [finding('threat[0].tactic.id'), finding('threat'), finding('threats'), finding('tags[1]')];
    expect(findingsFor(all, 'threat').map((f) => f.field)).toEqual(['threat[0].tactic.id', 'threat']);
    expect(findingsFor(all, 'tags').map((f) => f.field)).toEqual(['tags[1]']);
  });
});

describe('queryDiagnostics', () => {
  it('turns ranged query findings into diagnostics with 1-based line and column', () => {
    const query = 'process where\n  process.pid == "x"';
    const diagnostics = queryDiagnostics(query, [
      finding('query', 'type-mismatch', { range: { start: 16, end: 34 }, message: 'string vs long' }),
    ]);
    expect(diagnostics).toEqual([
      {
        code: 'type-mismatch',
        message: 'string vs long',
        range: { start: 16, end: 34 },
        line: 2,
        column: 3,
        severity: 'warning',
      },
    ]);
  });

  it('leaves out what the query editor marks itself, and findings without a range', () => {
    const query = 'process where foo == 1';
    expect(
      queryDiagnostics(query, [
        finding('query', 'query-syntax', { range: { start: 0, end: 1 } }),
        finding('query', 'unknown-field', { range: { start: 14, end: 17 } }),
        finding('query', 'type-mismatch'),
        finding('risk_score', 'severity-risk-mismatch'),
      ]),
    ).toEqual([]);
  });
});

describe('tabOf', () => {
  it('puts each finding on the tab that edits its field', () => {
    expect(tabOf(finding('risk_score'))).toBe('details');
    expect(tabOf(finding('metadata.updated_date'))).toBe('details');
    expect(tabOf(finding('from'))).toBe('query');
    expect(tabOf(finding('threat[0].technique[1].id'))).toBe('attack');
    expect(tabOf(finding('note'))).toBe('guide');
    expect(tabOf(finding('setup'))).toBe('setup');
    expect(tabOf(finding('alert_suppression.duration'))).toBe('all');
  });
});

describe('countFindings', () => {
  it('counts by severity', () => {
    expect(countFindings([finding('a'), finding('b', 'y', { severity: 'error' }), finding('c')])).toEqual({
      error: 1,
      warning: 2,
      info: 0,
    });
  });
});
