import { decodeKibanaNdjson, decodeTomlRule, isDeepStrictEqual, type Rule } from '@rulebench/rules';
import { describe, expect, it } from 'vitest';
import { encodeRuleFile } from './encode-rule.js';

const rule: Rule = {
  metadata: { creation_date: '2020/11/17', maturity: 'production', updated_date: '2026/05/04' },
  rule_id: '891cb88e-441a-4c3e-be2d-120d99fe7b0d',
  name: 'Suspicious WMI Image Load from MS Office',
  description: 'Identifies a suspicious image load.\n',
  type: 'eql',
  language: 'eql',
  severity: 'high',
  risk_score: 73,
  tags: ['OS: Windows', 'Tactic: Execution'],
  note: '## Triage steps\n\nCheck **wmiutils.dll**.\n',
  threat: [
    {
      framework: 'MITRE ATT&CK',
      tactic: { id: 'TA0002', name: 'Execution', reference: 'https://attack.mitre.org/tactics/TA0002/' },
      technique: [
        {
          id: 'T1047',
          name: 'Windows Management Instrumentation',
          reference: 'https://attack.mitre.org/techniques/T1047/',
        },
      ],
    },
  ],
  query: '\nany where dll.name : "wmiutils.dll"\n',
};

describe('encodeRuleFile', () => {
  it('writes TOML that decodes back to the same rule', () => {
    const file = encodeRuleFile(rule, 'toml', 'toml');
    expect(file.fileName).toBe('suspicious_wmi_image_load_from_ms_office.toml');
    expect(file.text).toContain('severity = "high"');
    expect(isDeepStrictEqual(decodeTomlRule(file.text), rule)).toBe(true);
  });

  it('writes one Kibana NDJSON line that decodes back to the rule, less [metadata] Kibana has no place for', () => {
    const file = encodeRuleFile(rule, 'ndjson', 'toml');
    expect(file.fileName).toBe('suspicious_wmi_image_load_from_ms_office.ndjson');
    expect(file.text.split('\n')).toHaveLength(2);
    const decoded = decodeKibanaNdjson(file.text);
    const first = decoded.items[0];
    expect(first?.kind).toBe('rule');
    if (first?.kind !== 'rule') return;
    const { metadata: _m, ...withoutMetadata } = rule;
    const { metadata: _d, ...back } = first.rule;
    expect(back).toEqual(withoutMetadata);
  });

  it('shapes a rule from a Kibana export for a rules repository when writing TOML', () => {
    const fromKibana: Rule = {
      ...rule,
      metadata: {},
      extra: { id: 'abc', created_at: '2024-03-01T10:00:00.000Z', enabled: true },
    };
    const text = encodeRuleFile(fromKibana, 'toml', 'ndjson').text;
    expect(text).toContain('creation_date = "2024/03/01"');
    expect(text).not.toContain('created_at');
  });
});
