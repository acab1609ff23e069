import type { Rule, RuleMetadata } from './rule.js';

/** The JSON shape a field must have; checked on decode, used by the encoders to order output. */
export type FieldKind =
  | 'string'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'strings'
  | 'string-or-strings'
  | 'object'
  | 'objects'
  | 'threat';

type ModelledRuleKey = Exclude<keyof Rule, 'metadata' | 'transform' | 'extra' | 'extra_tables'>;

/** Every `[rule]` key the model names, with its kind. */
export const RULE_FIELDS: { readonly [K in ModelledRuleKey]: FieldKind } = {
  rule_id: 'string',
  name: 'string',
  description: 'string',
  type: 'string',
  severity: 'string',
  risk_score: 'integer',
  author: 'strings',
  license: 'string',
  language: 'string',
  index: 'strings',
  data_view_id: 'string',
  query: 'string',
  filters: 'objects',
  note: 'string',
  setup: 'string',
  interval: 'string',
  from: 'string',
  to: 'string',
  max_signals: 'integer',
  tags: 'strings',
  references: 'strings',
  false_positives: 'strings',
  threat: 'threat',
  version: 'integer',
  enabled: 'boolean',
  timestamp_override: 'string',
  timestamp_override_fallback_disabled: 'boolean',
  building_block_type: 'string',
  investigation_fields: 'object',
  alert_suppression: 'object',
  rule_name_override: 'string',
  timeline_id: 'string',
  timeline_title: 'string',
  risk_score_mapping: 'objects',
  severity_mapping: 'objects',
  event_category_override: 'string',
  tiebreaker_field: 'string',
  timestamp_field: 'string',
  threshold: 'object',
  new_terms: 'object',
  machine_learning_job_id: 'string-or-strings',
  anomaly_threshold: 'number',
};

/** Required by Kibana for every rule type, and present in every detection-rules file. */
export const REQUIRED_RULE_FIELDS = [
  'rule_id',
  'name',
  'description',
  'type',
  'severity',
  'risk_score',
] as const satisfies readonly ModelledRuleKey[];

type ModelledMetadataKey = Exclude<keyof RuleMetadata, 'extra'>;

export const METADATA_FIELDS: { readonly [K in ModelledMetadataKey]: FieldKind } = {
  creation_date: 'string',
  updated_date: 'string',
  maturity: 'string',
  integration: 'strings',
  min_stack_version: 'string',
  min_stack_comments: 'string',
  deprecation_date: 'string',
  comments: 'string',
  query_schema_validation: 'boolean',
  bypass_bbr_timing: 'boolean',
};

export function isModelledRuleKey(key: string): key is ModelledRuleKey {
  return Object.hasOwn(RULE_FIELDS, key);
}

export function isModelledMetadataKey(key: string): key is ModelledMetadataKey {
  return Object.hasOwn(METADATA_FIELDS, key);
}
