import { compile, isEqlError } from '@rulebench/eql';
import {
  countBySeverity,
  type FieldSchema,
  type Finding,
  type FindingCounts,
  type LocatedFinding,
  locateFindingInToml,
  type ReplayStatus,
  type Rule,
  validateRule,
} from '@rulebench/rules';
import { ruleFieldSchema } from '@rulebench/rules/ecs';
import type { RuleFormat } from '../store/rule-store.js';

export type { FindingCounts, LocatedFinding, ReplayStatus } from '@rulebench/rules';

const schemaCache = new Map<string, FieldSchema>();
const SCHEMA_CACHE_SIZE = 32;

/** ECS plus nothing else for now; cached per index-pattern list since building it walks all of ECS. */
function schemaFor(index: readonly string[] | undefined): FieldSchema {
  const key = JSON.stringify(index ?? null);
  let schema = schemaCache.get(key);
  if (!schema) {
    schema = ruleFieldSchema(index);
    if (schemaCache.size >= SCHEMA_CACHE_SIZE) {
      const oldest = schemaCache.keys().next().value;
      if (oldest !== undefined) schemaCache.delete(oldest);
    }
    schemaCache.set(key, schema);
  }
  return schema;
}

/** Every validation finding for a rule, its query's fields checked against ECS. */
export function ruleFindings(rule: Rule): Finding[] {
  return validateRule(rule, { schema: schemaFor(rule.index) });
}

export function findingCounts(findings: readonly Finding[]): FindingCounts {
  return countBySeverity(findings);
}

/** Line and column of each finding: in the TOML file, or the NDJSON line of the rule. */
export function locateFindings(
  findings: readonly Finding[],
  format: RuleFormat,
  original: string | null,
  rule: Rule,
  line = 1,
): LocatedFinding[] {
  if (format === 'toml' && original !== null) {
    return findings.map((f) => ({ ...f, ...locateFindingInToml(original, f, rule.query) }));
  }
  if (format === 'ndjson') return findings.map((f) => ({ ...f, line, column: 1 }));
  return [...findings];
}

/** Whether the workbench can replay the rule, and why not when it cannot. */

export function replayStatus(rule: Rule): ReplayStatus {
  if (rule.type !== 'eql') {
    return {
      possible: false,
      reason: `only EQL rules can be replayed, not ${rule.type} rules; the rule is kept intact for import and export`,
    };
  }
  if (rule.query === undefined || rule.query.trim() === '')
    return { possible: false, reason: 'the rule has no query' };
  try {
    compile(rule.query);
    return { possible: true };
  } catch (error) {
    if (isEqlError(error))
      return {
        possible: false,
        reason: `the query does not compile: ${error.line}:${error.column}: ${error.message}`,
      };
    if (error instanceof RangeError)
      return { possible: false, reason: 'the query is nested too deeply to evaluate' };
    throw error;
  }
}
