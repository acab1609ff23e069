import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeTomlRule, effectiveSchedule, RuleError } from '../src/index.js';
import { hasShared, seedRulePath, windowsRuleFiles } from './shared.js';

describe('decodeTomlRule on the seed rule', () => {
  const text = readFileSync(seedRulePath, 'utf8');
  const rule = decodeTomlRule(text, basename(seedRulePath));

  it('reads the [rule] fields with their TOML names', () => {
    expect(rule.name).toBe('Suspicious WMI Image Load from MS Office');
    expect(rule.severity).toBe('low');
    expect(rule.risk_score).toBe(21);
    expect(rule.type).toBe('eql');
    expect(rule.language).toBe('eql');
    expect(rule.rule_id).toBe('891cb88e-441a-4c3e-be2d-120d99fe7b0d');
    expect(rule.from).toBe('now-9m');
    expect(rule.interval).toBeUndefined();
    expect(rule.timestamp_override).toBe('event.ingested');
    expect(rule.author).toEqual(['Elastic']);
    expect(rule.license).toBe('Elastic License v2');
    expect(rule.index).toEqual([
      'winlogbeat-*',
      'logs-endpoint.events.library-*',
      'logs-windows.sysmon_operational-*',
      'endgame-*',
    ]);
    expect(rule.tags).toHaveLength(8);
    expect(rule.tags?.[3]).toBe('Tactic: Execution');
    expect(rule.references).toEqual([
      'https://medium.com/threatpunter/detecting-adversary-tradecraft-with-image-load-event-logging-and-eql-8de93338c16',
    ]);
  });

  it('applies Kibana defaults only through effectiveSchedule', () => {
    expect(effectiveSchedule(rule)).toEqual({ interval: '5m', from: 'now-9m', to: 'now', max_signals: 100 });
    expect('max_signals' in rule).toBe(false);
  });

  it('reads the threat mapping', () => {
    expect(rule.threat).toEqual([
      {
        framework: 'MITRE ATT&CK',
        technique: [
          {
            id: 'T1047',
            name: 'Windows Management Instrumentation',
            reference: 'https://attack.mitre.org/techniques/T1047/',
          },
        ],
        tactic: { id: 'TA0002', name: 'Execution', reference: 'https://attack.mitre.org/tactics/TA0002/' },
      },
    ]);
  });

  it('keeps the query, guide and setup text exactly', () => {
    expect(rule.query).toBe(
      'any where host.os.type == "windows" and\n' +
        ' (event.category : ("library", "driver") or (event.category == "process" and event.action : "Image loaded*")) and\n' +
        '  process.name : ("WINWORD.EXE", "EXCEL.EXE", "POWERPNT.EXE", "MSPUB.EXE", "MSACCESS.EXE") and\n' +
        '  (?dll.name : "wmiutils.dll" or file.name : "wmiutils.dll")\n',
    );
    expect(rule.note?.startsWith('## Triage and analysis\n\n> **Disclaimer**:')).toBe(true);
    expect(rule.setup?.startsWith('## Setup\n')).toBe(true);
  });

  it('reads a file with CRLF line ends as the same rule (a Windows checkout re-imports unchanged)', () => {
    const crlf = text.replaceAll('\n', '\r\n');
    expect(decodeTomlRule(crlf)).toEqual(rule);
    expect(decodeTomlRule(crlf).query?.includes('\r')).toBe(false);
    // An escaped \r\n in a basic string is content, and stays.
    const escaped = text
      .replace('author = ["Elastic"]', 'author = ["Elastic\\r\\n"]')
      .replaceAll('\n', '\r\n');
    expect(decodeTomlRule(escaped).author).toEqual(['Elastic\r\n']);
    const error = catchError(() => decodeTomlRule('[rule]\r\nname = "x"\r\nrisk_score = = 3\r\n'));
    expect([error.line, error.code]).toEqual([3, 'syntax']);
  });

  it('reads [metadata]', () => {
    expect(rule.metadata).toEqual({
      creation_date: '2020/11/17',
      integration: ['endpoint', 'windows'],
      maturity: 'production',
      updated_date: '2026/05/04',
    });
  });
});

describe('decodeTomlRule errors', () => {
  const minimal = [
    '[rule]',
    'rule_id = "0b1c2d3e-0000-4000-8000-000000000000"',
    'name = "x"',
    'description = "d"',
    'type = "eql"',
    'severity = "low"',
    'risk_score = 21',
  ];

  it('decodes a minimal rule and keeps unknown keys', () => {
    const rule = decodeTomlRule([...minimal, 'shiny_new_field = [1, 2]', '[future]', 'x = true'].join('\n'));
    expect(rule.extra).toEqual({ shiny_new_field: [1, 2] });
    expect(rule.extra_tables).toEqual({ future: { x: true } });
    expect(rule.metadata).toEqual({});
  });

  it('reports malformed TOML with line and column', () => {
    const error = catchError(() => decodeTomlRule('[rule]\nname = "x"\nrisk_score = = 3\n', 'bad.toml'));
    expect(error.code).toBe('syntax');
    expect(error.file).toBe('bad.toml');
    expect(error.line).toBe(3);
    expect(error.column).toBeGreaterThan(0);
    expect(error.message.startsWith('bad.toml:3:')).toBe(true);
  });

  it('reports a wrong type at the key', () => {
    const text = minimal.map((l) => (l.startsWith('risk_score') ? 'risk_score = "21"' : l)).join('\n');
    const error = catchError(() => decodeTomlRule(text, 'r.toml'));
    expect(error.code).toBe('wrong-type');
    expect(error.field).toBe('rule.risk_score');
    expect([error.line, error.column]).toEqual([7, 1]);
    expect(error.message).toBe('r.toml:7:1: rule.risk_score: expected an integer, found a string');
  });

  it('reports a missing required field at the [rule] header', () => {
    const text = ['# comment', ...minimal.filter((l) => !l.startsWith('severity'))].join('\n');
    const error = catchError(() => decodeTomlRule(text, 'r.toml'));
    expect(error.code).toBe('missing-field');
    expect(error.field).toBe('rule.severity');
    expect(error.reason).toBe('required field is missing');
    expect(error.line).toBe(2);
  });

  it('points into the threat table', () => {
    const text = [
      ...minimal,
      '[[rule.threat]]',
      'framework = "MITRE ATT&CK"',
      '[rule.threat.tactic]',
      'id = 2',
      'name = "n"',
      'reference = "r"',
    ].join('\n');
    const error = catchError(() => decodeTomlRule(text));
    expect(error.field).toBe('rule.threat[0].tactic.id');
    expect(error.line).toBe(11);
  });

  it('rejects a file without [rule]', () => {
    expect(catchError(() => decodeTomlRule('[metadata]\nmaturity = "x"\n')).code).toBe('not-a-rule');
  });

  it('rejects an oversized guide naming the field', () => {
    const text = [...minimal, `note = "${'a'.repeat(50)}"`].join('\n');
    const error = catchError(() => decodeTomlRule(text, 'big.toml', { maxTextLength: 40 }));
    expect(error.code).toBe('too-large');
    expect(error.field).toBe('rule.note');
    expect(error.line).toBe(8);
  });
});

describe.skipIf(!hasShared('rules', 'rules', 'windows'))('every Windows rule', () => {
  const files = windowsRuleFiles();
  it('has 487 files', () => expect(files).toHaveLength(487));
  it('decodes without error', () => {
    const types = new Map<string, number>();
    for (const file of files) {
      const rule = decodeTomlRule(readFileSync(file, 'utf8'), basename(file));
      types.set(rule.type, (types.get(rule.type) ?? 0) + 1);
    }
    expect(Object.fromEntries(types)).toEqual({ eql: 391, query: 41, esql: 28, new_terms: 25, threshold: 2 });
  });
});

function catchError(fn: () => unknown): RuleError {
  try {
    fn();
  } catch (error) {
    if (error instanceof RuleError) return error;
    throw error;
  }
  throw new Error('expected a RuleError');
}
