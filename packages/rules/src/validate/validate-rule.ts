import type { Rule } from '../rule.js';
import type { Finding } from './finding.js';
import { validateEqlQuery } from './query.js';
import { validateRequired } from './required.js';
import { validateSchedule } from './schedule.js';
import type { FieldSchema } from './schema.js';
import { validateSeverity } from './severity.js';
import { validateThreat } from './threat.js';
import { validateTypeSettings } from './type-settings.js';

export interface RuleValidationOptions {
  /**
   * The fields of the rule's indices (see `ruleFieldSchema`); without one, EQL queries are only
   * parsed, and field names are not checked.
   */
  readonly schema?: FieldSchema;
}

/**
 * Every finding for a rule: required fields and per-type settings, schedule, severity, ATT&CK
 * mapping and (EQL) its query.
 */
export function validateRule(rule: Rule, options: RuleValidationOptions = {}): Finding[] {
  const findings = [
    ...validateRequired(rule),
    ...validateTypeSettings(rule),
    ...validateSeverity(rule),
    ...validateSchedule(rule),
    ...validateThreat(rule),
  ];
  if (rule.type === 'eql' && rule.query !== undefined) {
    findings.push(
      ...validateEqlQuery(rule.query, {
        ...(options.schema && { schema: options.schema }),
        ...(rule.event_category_override !== undefined && {
          eventCategoryField: rule.event_category_override,
        }),
      }),
    );
  }
  return findings;
}
