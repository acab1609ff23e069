import { RULE_DEFAULTS } from '../defaults.js';
import type { Rule, RuleValue } from '../rule.js';
import type { Finding } from './finding.js';
import { parseRelativeDateMath } from './schedule.js';

/** Kibana's `new_terms_fields` takes one to three fields. */
const MAX_NEW_TERMS_FIELDS = 3;

/**
 * The settings of threshold, machine-learning and new-terms rules, checked as Kibana's rule
 * schema and detection-rules' definitions check them (the fields being present is
 * `validateRequired`'s business), and the timeline template pair.
 */
export function validateTypeSettings(rule: Rule): Finding[] {
  const findings: Finding[] = [];
  const push = (severity: Finding['severity'], code: string, field: string, message: string) =>
    findings.push({ severity, code, field, message });

  if (rule.type === 'threshold' && rule.threshold) {
    const { value, cardinality } = rule.threshold;
    if (!Number.isInteger(value) || value < 1)
      push(
        'error',
        'threshold-value',
        'threshold.value',
        `threshold value ${value} must be a whole number of at least 1.`,
      );
    (cardinality ?? []).forEach((c, i) => {
      if (!Number.isInteger(c.value) || c.value < 0)
        push(
          'error',
          'threshold-value',
          `threshold.cardinality[${i}].value`,
          `cardinality value ${c.value} must be a whole number of at least 0.`,
        );
    });
  }

  if (rule.type === 'machine_learning' && rule.anomaly_threshold !== undefined) {
    const score = rule.anomaly_threshold;
    if (!Number.isInteger(score) || score < 0 || score > 100)
      push(
        'error',
        'anomaly-threshold',
        'anomaly_threshold',
        `anomaly_threshold ${score} is not an anomaly score, a whole number from 0 to 100.`,
      );
  }

  if (rule.type === 'new_terms') {
    const { fields, historyStart, at } = newTermsSettings(rule);
    if (fields !== undefined && (fields.length < 1 || fields.length > MAX_NEW_TERMS_FIELDS))
      push(
        'error',
        'new-terms-fields',
        at.fields,
        `a new_terms rule takes 1 to ${MAX_NEW_TERMS_FIELDS} new terms fields, not ${fields.length}.`,
      );
    if (historyStart === undefined && fields !== undefined)
      push('error', 'required', at.history, 'a new_terms rule needs history_window_start (like now-7d).');
    if (historyStart !== undefined) {
      const history = parseRelativeDateMath(historyStart);
      const from = parseRelativeDateMath(rule.from ?? RULE_DEFAULTS.from);
      if (history === undefined)
        push(
          'error',
          'history-window',
          at.history,
          `history_window_start "${historyStart}" is not date math relative to now, like now-7d.`,
        );
      else if (from !== undefined && history <= from)
        push(
          'warning',
          'history-window',
          at.history,
          `history_window_start "${historyStart}" is not before from "${rule.from ?? RULE_DEFAULTS.from}": there is no history to compare new terms with.`,
        );
    }
  }

  const timelineId = rule.timeline_id !== undefined;
  const timelineTitle = rule.timeline_title !== undefined;
  if (timelineId !== timelineTitle)
    push(
      'warning',
      'timeline',
      timelineId ? 'timeline_title' : 'timeline_id',
      `timeline_id and timeline_title go together; this rule has only ${timelineId ? 'timeline_id' : 'timeline_title'}.`,
    );
  return findings;
}

/**
 * detection-rules nests new-terms settings as `[rule.new_terms] field = "new_terms_fields", value
 * = [...]` with `[[rule.new_terms.history_window_start]]`; Kibana has flat keys.
 */
function newTermsSettings(rule: Rule): {
  fields: readonly RuleValue[] | undefined;
  historyStart: string | undefined;
  at: { fields: string; history: string };
} {
  const nested = rule.new_terms;
  if (nested) {
    const value = nested.value;
    const history = Array.isArray(nested.history_window_start) ? nested.history_window_start[0] : undefined;
    const historyValue =
      history && typeof history === 'object' && !Array.isArray(history) ? history.value : undefined;
    return {
      fields: Array.isArray(value) ? value : undefined,
      historyStart: typeof historyValue === 'string' ? historyValue : undefined,
      at: { fields: 'new_terms.value', history: 'new_terms.history_window_start[0].value' },
    };
  }
  const fields = rule.extra?.new_terms_fields;
  const history = rule.extra?.history_window_start;
  return {
    fields: Array.isArray(fields) ? fields : undefined,
    historyStart: typeof history === 'string' ? history : undefined,
    at: { fields: 'new_terms_fields', history: 'history_window_start' },
  };
}
