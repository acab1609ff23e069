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
      'error attack-nesting threat[0].technique[0].subtechnique[0].id',
      'error attack-id threat[0].technique[1].id',
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
