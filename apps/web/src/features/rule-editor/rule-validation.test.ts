import { EcsFlat } from '@elastic/ecs';
import type { Rule } from '@rulebench/rules';
import { ruleFieldSchema } from '@rulebench/rules/ecs';
import { describe, expect, it } from 'vitest';
import { buildEcsRows } from '../../../build/ecs-fields-plugin.js';
import { schemaFromEcsRows, validateDraft } from './rule-validation.js';

const rows = buildEcsRows(EcsFlat as unknown as Parameters<typeof buildEcsRows>[0]);
const schema = schemaFromEcsRows(rows);

const rule: Rule = {
  metadata: {},
  rule_id: '891cb88e-441a-4c3e-be2d-120d99fe7b0d',
  name: 'Test',
  description: 'A test rule.',
  type: 'eql',
  language: 'eql',
  severity: 'high',
  risk_score: 21,
  index: ['logs-*'],
  query: 'process where process.pid == "x" and event.category == "proces" and proces.name == "a"',
};

describe('schemaFromEcsRows', () => {
  it('knows what the full ECS table knows: types and allowed values', () => {
    expect(schema.lookup('process.pid')).toEqual({ type: 'long' });
    expect(schema.lookup('event.category')?.allowedValues).toContain('process');
    expect(schema.lookup('process.name.text')).toEqual({ type: 'match_only_text' });
  });

  it('gives the same findings as the server, which validates against the full ECS table', () => {
    const browser = validateDraft(rule, schema);
    const server = validateDraft(rule, ruleFieldSchema(rule.index));
    expect(browser).toEqual(server);
    expect(browser.map((f) => f.code)).toEqual([
      'severity-risk-mismatch',
      'type-mismatch',
      'unknown-value',
      'unknown-field',
    ]);
  });

  it('checks event.type against the category and numbers against text fields, as the server does', () => {
    const clash = {
      ...rule,
      risk_score: 73,
      query: 'sequence [process where event.type == "creation"] [file where file.name == 1]',
    };
    const browser = validateDraft(clash, schema);
    expect(browser).toEqual(validateDraft(clash, ruleFieldSchema(clash.index)));
    expect(browser.map((f) => f.code)).toEqual(['type-mismatch', 'event-type-category']);
  });
});

describe('validateDraft', () => {
  it('without a schema only parses the query', () => {
    expect(validateDraft({ ...rule, risk_score: 60 }, undefined)).toEqual([]);
    expect(
      validateDraft({ ...rule, risk_score: 60, query: 'process where' }, undefined).map((f) => f.code),
    ).toEqual(['query-syntax']);
  });
});
