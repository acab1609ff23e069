import type { Rule } from '../rule.js';
import type { Finding } from './finding.js';

interface TypeRequirements {
  readonly languages: readonly string[];
  /** Fields that must be present (and non-empty) for the type. */
  readonly fields: readonly (keyof Rule)[];
  /** Whether the rule reads indices (ES|QL and ML rules name their sources elsewhere). */
  readonly usesIndex: boolean;
}

/** Per Kibana rule type: accepted languages and required fields. */
export const RULE_TYPES: Readonly<Record<string, TypeRequirements>> = {
  eql: { languages: ['eql'], fields: ['query'], usesIndex: true },
  query: { languages: ['kuery', 'lucene'], fields: [], usesIndex: true },
  saved_query: { languages: ['kuery', 'lucene'], fields: [], usesIndex: true },
  esql: { languages: ['esql'], fields: ['query'], usesIndex: false },
  threshold: { languages: ['kuery', 'lucene'], fields: ['query', 'threshold'], usesIndex: true },
  new_terms: { languages: ['kuery', 'lucene'], fields: ['query'], usesIndex: true },
  threat_match: { languages: ['kuery', 'lucene'], fields: ['query'], usesIndex: true },
  machine_learning: {
    languages: [],
    fields: ['machine_learning_job_id', 'anomaly_threshold'],
    usesIndex: false,
  },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MATURITIES = ['development', 'experimental', 'beta', 'production', 'deprecated'];
const BUILDING_BLOCK_TYPES = ['default'];

export function validateRequired(rule: Rule): Finding[] {
  const findings: Finding[] = [];
  const push = (severity: Finding['severity'], code: string, field: string, message: string) =>
    findings.push({ severity, code, field, message });

  if (!UUID.test(rule.rule_id))
    push('warning', 'rule-id', 'rule_id', `rule_id "${rule.rule_id}" is not a UUID.`);
  if (!rule.name.trim()) push('error', 'required', 'name', 'name is empty.');
  if (!rule.description.trim()) push('error', 'required', 'description', 'description is empty.');

  const spec = RULE_TYPES[rule.type];
  if (!spec) {
    push(
      'error',
      'rule-type',
      'type',
      `unknown rule type "${rule.type}"; Kibana knows ${Object.keys(RULE_TYPES).join(', ')}.`,
    );
  } else {
    for (const field of spec.fields) {
      const value = rule[field];
      if (value === undefined || (typeof value === 'string' && !value.trim())) {
        push('error', 'required', field, `a ${rule.type} rule needs ${field}.`);
      }
    }
    if (spec.languages.length > 0) {
      if (rule.language === undefined) {
        if (rule.type === 'eql' || rule.type === 'esql')
          push('error', 'required', 'language', `a ${rule.type} rule needs language = "${rule.type}".`);
      } else if (!spec.languages.includes(rule.language)) {
        push(
          'error',
          'language',
          'language',
          `language "${rule.language}" does not fit a ${rule.type} rule (${spec.languages.join(' or ')}).`,
        );
      }
    }
    if (spec.usesIndex && rule.index === undefined && rule.data_view_id === undefined) {
      push(
        'warning',
        'index',
        'index',
        'no index patterns or data view: Kibana falls back to its default security indices.',
      );
    }
    if (rule.type === 'saved_query' && rule.extra?.saved_id === undefined) {
      push('error', 'required', 'saved_id', 'a saved_query rule needs saved_id.');
    }
    // detection-rules nests new-terms settings in [rule.new_terms]; Kibana has flat keys.
    if (
      rule.type === 'new_terms' &&
      rule.new_terms === undefined &&
      rule.extra?.new_terms_fields === undefined
    ) {
      push(
        'error',
        'required',
        'new_terms',
        'a new_terms rule needs its new terms fields ([rule.new_terms] or new_terms_fields).',
      );
    }
    if (rule.type === 'threat_match') {
      for (const key of ['threat_index', 'threat_query', 'threat_mapping']) {
        if (rule.extra?.[key] === undefined)
          push('error', 'required', key, `a threat_match rule needs ${key}.`);
      }
    }
  }
  if (rule.index?.length === 0) push('warning', 'index', 'index', 'index is an empty list.');
  if (rule.building_block_type !== undefined && !BUILDING_BLOCK_TYPES.includes(rule.building_block_type)) {
    push('error', 'building-block-type', 'building_block_type', `building_block_type must be "default".`);
  }
  const maturity = rule.metadata.maturity;
  if (maturity !== undefined && !MATURITIES.includes(maturity)) {
    push(
      'warning',
      'maturity',
      'metadata.maturity',
      `maturity "${maturity}" is not one of ${MATURITIES.join(', ')}.`,
    );
  }
  for (const key of ['creation_date', 'updated_date', 'deprecation_date'] as const) {
    const value = rule.metadata[key];
    if (value !== undefined && !/^\d{4}\/\d{2}\/\d{2}$/.test(value)) {
      push('warning', 'date-format', `metadata.${key}`, `${key} "${value}" is not written YYYY/MM/DD.`);
    }
  }
  return findings;
}
