import type { Rule } from '@rulebench/rules';
import { describe, expect, it } from 'vitest';
import {
  asRuleModel,
  isDirty,
  parseLines,
  queryForSave,
  ruleFileName,
  ruleWithQuery,
  toWorkbenchRule,
  withField,
  withMetadata,
  withSeverity,
} from './rule-draft.js';

const base: Rule = {
  metadata: { maturity: 'production' },
  rule_id: '891cb88e-441a-4c3e-be2d-120d99fe7b0d',
  name: 'Suspicious WMI Image Load',
  description: 'Identifies a suspicious image load.',
  type: 'eql',
  severity: 'low',
  risk_score: 21,
  tags: ['OS: Windows'],
  query: '\nany where dll.name : "wmiutils.dll"\n',
};

describe('withField', () => {
  it('sets a field without touching the others', () => {
    const edited = withField(base, 'severity', 'high', base);
    expect(edited.severity).toBe('high');
    expect(edited.risk_score).toBe(21);
    expect(base.severity).toBe('low');
  });

  it('removes a field set to undefined, and an emptied list the loaded rule did not have', () => {
    expect('tags' in withField(base, 'tags', undefined, base)).toBe(false);
    expect('references' in withField(base, 'references', [], base)).toBe(false);
  });

  it('keeps an emptied list the loaded rule had, so the field is not dropped from the file', () => {
    expect(withField(base, 'tags', [], base).tags).toEqual([]);
  });
});

describe('withMetadata', () => {
  it('sets and removes [metadata] keys', () => {
    expect(withMetadata(base, 'updated_date', '2026/12/03').metadata).toEqual({
      maturity: 'production',
      updated_date: '2026/12/03',
    });
    expect(withMetadata(base, 'maturity', '').metadata).toEqual({});
  });
});

describe('parseLines', () => {
  it('trims lines and drops blank ones', () => {
    expect(parseLines(' logs-*\n\nwinlogbeat-* \r\n')).toEqual(['logs-*', 'winlogbeat-*']);
  });
});

describe('queryForSave', () => {
  it('keeps the stored query when only the surrounding whitespace differs', () => {
    expect(queryForSave(base.query, 'any where dll.name : "wmiutils.dll"')).toBe(base.query);
  });

  it('wraps an edited query in the stored query\u2019s leading and trailing whitespace', () => {
    expect(queryForSave(base.query, 'process where true')).toBe('\nprocess where true\n');
  });

  it('uses the text as it is when the rule had no query', () => {
    expect(queryForSave(undefined, 'process where true')).toBe('process where true');
    expect(queryForSave(undefined, '  ')).toBeUndefined();
  });
});

describe('ruleWithQuery and isDirty', () => {
  it('an untouched rule is clean, an edited query makes it dirty', () => {
    expect(isDirty(base, ruleWithQuery(base, base, 'any where dll.name : "wmiutils.dll"'))).toBe(false);
    expect(isDirty(base, ruleWithQuery(base, base, 'any where true'))).toBe(true);
  });

  it('leaves the query of a non-EQL rule to the form', () => {
    const kql: Rule = { ...base, type: 'query', language: 'kuery', query: 'host.name:x' };
    expect(ruleWithQuery(kql, kql, 'something else').query).toBe('host.name:x');
  });
});

describe('toWorkbenchRule', () => {
  it('gives a rule without a query an empty one', () => {
    const { query: _q, ...ml } = { ...base, type: 'machine_learning' };
    expect(toWorkbenchRule(ml).query).toBe('');
  });
});

describe('ruleFileName', () => {
  it('writes the name in lowercase words joined by underscores', () => {
    expect(ruleFileName('Suspicious WMI Image Load from MS Office', 'toml')).toBe(
      'suspicious_wmi_image_load_from_ms_office.toml',
    );
    expect(ruleFileName('Accès réseau — test', 'ndjson')).toBe('acces_reseau_test.ndjson');
    expect(ruleFileName('***', 'toml')).toBe('rule.toml');
  });
});

describe('asRuleModel', () => {
  it('fills in what a rule from elsewhere lacks, keeping everything it has', () => {
    expect(asRuleModel({ name: 'Shared', query: 'any where true', custom: 1 })).toEqual({
      name: 'Shared',
      query: 'any where true',
      custom: 1,
      metadata: {},
      rule_id: '',
      description: '',
      type: 'eql',
      severity: 'low',
      risk_score: 21,
    });
    expect(asRuleModel(base)).toEqual(base);
  });
});

describe('withSeverity', () => {
  it("moves a risk score outside the new severity's band to that severity's default", () => {
    const high = withSeverity(base, 'high', base);
    expect([high.severity, high.risk_score]).toEqual(['high', 73]);
  });

  it('keeps a risk score that already fits the new severity', () => {
    const tuned = { ...base, risk_score: 60 };
    expect(withSeverity(tuned, 'high', base).risk_score).toBe(60);
  });

  it('leaves the score alone for a severity it does not know', () => {
    expect(withSeverity(base, 'extreme', base).risk_score).toBe(21);
  });
});
