import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleFieldSchema } from '../src/ecs-entry.js';
import {
  decodeTomlRule,
  type NonEcsSchema,
  parseInterval,
  parseRelativeDateMath,
  type Rule,
  validateEqlQuery,
  validateRule,
} from '../src/index.js';
import { hasShared, seedRulePath, sharedPath, windowsRuleFiles } from './shared.js';

const seed = decodeTomlRule(readFileSync(seedRulePath, 'utf8'));
const schema = ruleFieldSchema(seed.index);
const codes = (rule: Rule) => validateRule(rule, { schema }).map((f) => `${f.severity} ${f.code} ${f.field}`);

describe('validateRule', () => {
  it('finds nothing wrong with the seed rule', () => {
    expect(validateRule(seed, { schema })).toEqual([]);
  });

  it('checks severity against risk score, and their ranges', () => {
    expect(validateRule({ ...seed, risk_score: 50 }, { schema })).toEqual([
      {
        severity: 'warning',
        code: 'severity-risk-mismatch',
        field: 'risk_score',
        message: 'risk_score 50 does not fit severity "low" (0–21).',
      },
    ]);
    expect(codes({ ...seed, risk_score: 101 })).toEqual(['error risk-score-range risk_score']);
    expect(codes({ ...seed, severity: 'urgent' })).toEqual(['error severity-value severity']);
  });

  it('checks the schedule', () => {
    expect(parseInterval('5m')).toBe(300_000);
    expect(parseInterval('1h')).toBe(3_600_000);
    expect(parseInterval('5 minutes')).toBeUndefined();
    expect(parseRelativeDateMath('now-9m')).toBe(540_000);
    expect(parseRelativeDateMath('now-1h-30m')).toBe(5_400_000);
    expect(parseRelativeDateMath('now/d')).toBe(0);
    expect(parseRelativeDateMath('9m ago')).toBeUndefined();
    expect(validateRule({ ...seed, interval: '10m', from: 'now-6m' }, { schema })).toEqual([
      {
        severity: 'warning',
        code: 'schedule-gap',
        field: 'from',
        message:
          'The rule runs every 10m but looks back only 6m: events in a 4m gap between runs are never searched.',
      },
    ]);
    expect(codes({ ...seed, interval: 'often', from: 'yesterday', max_signals: 0 })).toEqual([
      'error interval-format interval',
      'error from-format from',
      'error max-signals max_signals',
    ]);
  });

  it('checks ATT&CK ids, names and nesting', () => {
    const threat = [
      {
        framework: 'MITRE ATT&CK',
        tactic: { id: 'TA0002', name: 'Persistence', reference: 'https://attack.mitre.org/tactics/TA0002/' },
        technique: [
          {
            id: 'T1047',
            name: 'WMI',
            reference: 'https://attack.mitre.org/techniques/T1047/',
            subtechnique: [
              {
                id: 'T1059.001',
                name: 'PowerShell',
                reference: 'https://attack.mitre.org/techniques/T1059/001/',
              },
            ],
          },
          { id: 'T10', name: 'x', reference: 'r' },
        ],
      },
    ];
    expect(codes({ ...seed, threat })).toEqual([
      'warning attack-name threat[0].tactic.name',
      'warning attack-name threat[0].technique[0].name',
      'warning attack-nesting threat[0].technique[0].subtechnique[0].id',
      'error attack-id threat[0].technique[1].id',
    ]);
  });

  it('checks the mapping against the bundled ATT&CK catalog: tactics, names, unknown ids', () => {
    const tactic = (id: string, name: string) => ({
      id,
      name,
      reference: `https://attack.mitre.org/tactics/${id}/`,
    });
    const technique = (id: string, name: string, subtechnique?: { id: string; name: string }[]) => ({
      id,
      name,
      reference: `https://attack.mitre.org/techniques/${id}/`,
      ...(subtechnique && {
        subtechnique: subtechnique.map((s) => ({
          ...s,
          reference: `https://attack.mitre.org/techniques/${s.id.replace('.', '/')}/`,
        })),
      }),
    });
    const threat = [
      {
        framework: 'MITRE ATT&CK',
        tactic: tactic('TA0003', 'Persistence'),
        technique: [
          technique('T1047', 'Windows Management Instrumentation'),
          technique('T1547', 'Boot or Logon Autostart Execution', [
            { id: 'T1547.001', name: 'Registry Run Keys / Startup Folder' },
            { id: 'T1547.999', name: 'Something New' },
          ]),
          technique('T1999', 'Not Yet Mapped'),
        ],
      },
    ];
    const findings = validateRule({ ...seed, tags: [], threat }, { schema });
    expect(findings).toEqual([
      {
        severity: 'warning',
        code: 'attack-tactic',
        field: 'threat[0].technique[0].id',
        message:
          'technique T1047 "Windows Management Instrumentation" is not listed under tactic TA0003 Persistence in the bundled ATT&CK catalog (the techniques the published Elastic rules map); it has it under TA0002 Execution.',
      },
      {
        severity: 'info',
        code: 'attack-unknown',
        field: 'threat[0].technique[1].subtechnique[1].id',
        message:
          'subtechnique T1547.999 is not in the bundled ATT&CK catalog (the techniques the published Elastic rules map); its name is not checked.',
      },
      {
        severity: 'info',
        code: 'attack-unknown',
        field: 'threat[0].technique[2].id',
        message:
          'technique T1999 is not in the bundled ATT&CK catalog (the techniques the published Elastic rules map); its name and tactics are not checked.',
      },
    ]);
    const renamed = [
      {
        ...threat[0],
        technique: [technique('T1547', 'Autostart', [{ id: 'T1547.001', name: 'Run Keys' }])],
      },
      { framework: 'MITRE ATT&CK', tactic: tactic('TA0003', 'Persistence') },
    ] as typeof threat;
    expect(codes({ ...seed, tags: [], threat: renamed })).toEqual([
      'warning attack-name threat[0].technique[0].name',
      'warning attack-name threat[0].technique[0].subtechnique[0].name',
      'warning attack-duplicate threat[1].tactic.id',
    ]);
  });

  it('accepts an absolute from as Kibana does, warns below the 1m minimum interval, wants whole max_signals', () => {
    expect(validateRule({ ...seed, from: '2024-01-01T00:00:00Z' }, { schema })).toEqual([
      {
        severity: 'info',
        code: 'from-absolute',
        field: 'from',
        message:
          'from "2024-01-01T00:00:00Z" is a fixed date: every run searches everything since then, not a window before now (like now-6m).',
      },
    ]);
    expect(codes({ ...seed, from: '2024-01-01||-1d' })).toEqual(['info from-absolute from']);
    expect(codes({ ...seed, from: '2024-13-45' })).toEqual(['error from-format from']);
    expect(codes({ ...seed, interval: '30s', from: 'now-1m' })).toEqual([
      'warning interval-minimum interval',
    ]);
    expect(codes({ ...seed, interval: '1m', from: 'now-2m' })).toEqual([]);
    expect(validateRule({ ...seed, max_signals: 2.5 }, { schema })[0]?.message).toBe(
      'max_signals must be a whole number of at least 1, not 2.5.',
    );
  });

  it('checks threshold, machine-learning and new-terms settings, and the timeline pair', () => {
    const kql = { ...seed, language: 'kuery', query: 'process.name: x' };
    expect(codes({ ...kql, type: 'threshold', threshold: { field: ['host.id'], value: 10 } })).toEqual([]);
    expect(
      codes({
        ...kql,
        type: 'threshold',
        threshold: { field: ['host.id'], value: 0, cardinality: [{ field: 'user.name', value: 1.5 }] },
      }),
    ).toEqual([
      'error threshold-value threshold.value',
      'error threshold-value threshold.cardinality[0].value',
    ]);
    const ml = { ...seed, type: 'machine_learning', language: undefined, query: undefined, index: undefined };
    expect(codes({ ...ml, machine_learning_job_id: 'job', anomaly_threshold: 75 })).toEqual([]);
    expect(codes({ ...ml, machine_learning_job_id: 'job', anomaly_threshold: 120 })).toEqual([
      'error anomaly-threshold anomaly_threshold',
    ]);
    const newTerms = (fields: string[], history: string) => ({
      ...kql,
      type: 'new_terms',
      new_terms: {
        field: 'new_terms_fields',
        value: fields,
        history_window_start: [{ field: 'history_window_start', value: history }],
      },
    });
    expect(codes(newTerms(['host.id', 'process.name'], 'now-7d'))).toEqual([]);
    expect(codes(newTerms(['a', 'b', 'c', 'd'], 'last week'))).toEqual([
      'error new-terms-fields new_terms.value',
      'error history-window new_terms.history_window_start[0].value',
    ]);
    expect(codes(newTerms(['host.id'], 'now-5m'))).toEqual([
      'warning history-window new_terms.history_window_start[0].value',
    ]);
    expect(
      codes({ ...kql, type: 'new_terms', extra: { new_terms_fields: [], history_window_start: 'now-7d' } }),
    ).toEqual(['error new-terms-fields new_terms_fields']);
    expect(codes({ ...kql, type: 'new_terms', extra: { new_terms_fields: ['host.id'] } })).toEqual([
      'error required history_window_start',
    ]);
    expect(codes({ ...seed, timeline_id: 'db366523-f1c6-4c1f-8731-6ce5ed9e5717' })).toEqual([
      'warning timeline timeline_title',
    ]);
  });

  it('checks required fields per type, the language and the rule_id', () => {
    expect(codes({ ...seed, query: undefined })).toEqual(['error required query']);
    expect(codes({ ...seed, language: 'kuery' })).toEqual(['error language language']);
    expect(codes({ ...seed, type: 'magic' })).toEqual(['error rule-type type']);
    expect(codes({ ...seed, rule_id: 'my-rule' })).toEqual(['warning rule-id rule_id']);
  });
});

describe('validateEqlQuery', () => {
  it('reports syntax errors with their range', () => {
    expect(validateEqlQuery('process where process.name ==')).toEqual([
      {
        severity: 'error',
        code: 'query-syntax',
        field: 'query',
        message: expect.any(String),
        range: { start: 29, end: 29 },
      },
    ]);
  });

  it('notes wildcard syntax in the text of endsWith / stringContains over a field, as ES reads it', () => {
    const query =
      'process where endsWith(process.executable, "\\\\cmd.exe") or stringContains~(process.name, "a*b")';
    expect(validateEqlQuery(query).map(({ code, message, range }) => ({ code, message, range }))).toEqual([
      {
        code: 'wildcard-in-literal',
        message:
          'Elasticsearch runs endsWith over a field as the wildcard query "*\\cmd.exe": its * and ? are wildcards and \\ escapes the next character. Use : or like for a pattern, or == / startsWith for a literal.',
        range: { start: 43, end: 54 },
      },
      {
        code: 'wildcard-in-literal',
        message:
          'Elasticsearch runs stringContains over a field as the wildcard query "*a*b*": its * and ? are wildcards and \\ escapes the next character. Use : or like for a pattern, or == / startsWith for a literal.',
        range: { start: 89, end: 94 },
      },
    ]);
    // Literal text, a function of a function (a script) and startsWith (a prefix query) are fine.
    expect(
      validateEqlQuery(
        'process where endsWith(process.name, ".exe") and endsWith(string(process.pid), "1*") and startsWith(process.name, "a*")',
      ),
    ).toEqual([]);
  });

  it('warns about unknown fields with suggestions, unless written ?field', () => {
    const query = 'process where proces.name == "a" and ?custom.thing == "b"';
    expect(validateEqlQuery(query, { schema })).toEqual([
      {
        severity: 'warning',
        code: 'unknown-field',
        field: 'query',
        message:
          'Unknown field "proces.name": not in ECS nor in the fields of the rule\'s index patterns. Did you mean "process.name"? Write ?proces.name if it is expected to be missing.',
        range: { start: 14, end: 25 },
      },
    ]);
  });

  it('warns about type clashes and values outside ECS allowed values', () => {
    const query =
      'procss where process.pid == "abc" and process.pid : "12*" and event.type == "begin" and event.category : "proc*"';
    expect(
      validateEqlQuery(query, { schema }).map((f) => [f.code, query.slice(f.range?.start, f.range?.end)]),
    ).toEqual([
      ['unknown-category', 'procss'],
      ['type-mismatch', '"abc"'],
      ['type-mismatch', '"12*"'],
      ['unknown-value', '"begin"'],
    ]);
  });

  it('warns about a number compared with a text field, and not about a numeric field', () => {
    const query = 'process where process.name == 1 and process.pid == 4 and process.args in ("a", 2)';
    expect(
      validateEqlQuery(query, { schema }).map((f) => [f.message, query.slice(f.range?.start, f.range?.end)]),
    ).toEqual([
      ['"process.name" is a keyword field, compared with the number 1; write "1" to compare text.', '1'],
      ['"process.args" is a keyword field, compared with the number 2; write "2" to compare text.', '2'],
    ]);
  });
});

describe('event.type against the types ECS expects per category', () => {
  const found = (query: string) =>
    validateEqlQuery(query, { schema })
      .filter((f) => f.code === 'event-type-category')
      .map((f) => [f.code, query.slice(f.range?.start, f.range?.end)]);

  it('warns when a category is required with none of its expected types', () => {
    const query = 'process where event.type == "creation" and process.name : "cmd.exe"';
    expect(validateEqlQuery(query, { schema })).toEqual([
      {
        severity: 'warning',
        code: 'event-type-category',
        field: 'query',
        message:
          'event.type "creation" is not among the types ECS expects with event.category "process" (access, change, end, info, start): ECS events of that category never match.',
        range: { start: 28, end: 38 },
      },
    ]);
    expect(found('library where event.type in ("change", "deletion")')).toEqual([
      ['event-type-category', '"change", "deletion"'],
    ]);
    expect(found('sequence [process where event.type : "start"] [file where event.type : "start"]')).toEqual([
      ['event-type-category', '"start"'],
    ]);
  });

  it('accepts an expected type among others, patterns, alternatives under or, and any / overridden categories', () => {
    expect(found('process where event.type in ("start", "process_started")')).toEqual([]);
    expect(found('file where event.type : "creat*"')).toEqual([]);
    expect(found('registry where event.type == "start" or event.type == "change"')).toEqual([]);
    expect(found('any where event.type == "creation"')).toEqual([]);
    expect(found('process where not event.type == "creation"')).toEqual([]);
    expect(
      validateEqlQuery('process where event.type == "creation"', { schema, eventCategoryField: 'x.kind' }),
    ).toEqual([]);
  });
});

describe.skipIf(!hasShared('rules', 'detection_rules', 'etc', 'non-ecs-schema.json'))(
  'every shared rule validates without error',
  () => {
    it('has no error-level finding', () => {
      const nonEcs = JSON.parse(
        readFileSync(sharedPath('rules', 'detection_rules', 'etc', 'non-ecs-schema.json'), 'utf8'),
      ) as NonEcsSchema;
      const errors: string[] = [];
      let warnings = 0;
      for (const file of windowsRuleFiles()) {
        const rule = decodeTomlRule(readFileSync(file, 'utf8'), basename(file));
        for (const f of validateRule(rule, { schema: ruleFieldSchema(rule.index, nonEcs) })) {
          if (f.severity === 'error') errors.push(`${basename(file)}: ${f.field}: ${f.message}`);
          else warnings++;
        }
      }
      expect(errors).toEqual([]);
      expect(warnings).toBeLessThan(40);
    });
  },
);
