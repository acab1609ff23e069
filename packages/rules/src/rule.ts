/**
 * The rule model. Field names are the snake_case names of detection-rules TOML and the Kibana
 * Detections API, so a `Rule` reads like the file it came from and converts to NDJSON by name.
 *
 * Decoding never fills in defaults (see `ruleDefaults`); a field absent from the file is absent
 * here, which keeps encode(decode(text)) faithful. Keys the model does not name are kept in
 * `extra` (inside `[rule]`, or top-level keys of a Kibana export) and `metadata.extra` /
 * `extra_tables`, so nothing a file holds is lost.
 */

/** A JSON-compatible value as TOML or NDJSON can hold it. */
export type RuleValue =
  | string
  | number
  | boolean
  | null
  | readonly RuleValue[]
  | { readonly [key: string]: RuleValue };

export type RuleObject = { readonly [key: string]: RuleValue };

/** Kibana's rule types. Unknown types are kept as strings and reported by validation. */
export type RuleType =
  | 'eql'
  | 'query'
  | 'saved_query'
  | 'esql'
  | 'threshold'
  | 'threat_match'
  | 'machine_learning'
  | 'new_terms'
  | (string & {});

export type Severity = 'low' | 'medium' | 'high' | 'critical' | (string & {});

export interface RuleMetadata {
  readonly creation_date?: string;
  readonly updated_date?: string;
  readonly maturity?: string;
  readonly integration?: readonly string[];
  readonly min_stack_version?: string;
  readonly min_stack_comments?: string;
  readonly deprecation_date?: string;
  readonly comments?: string;
  readonly query_schema_validation?: boolean;
  readonly bypass_bbr_timing?: boolean;
  /** `[metadata]` keys the model does not name, in file order. */
  readonly extra?: RuleObject;
}

/** A MITRE ATT&CK reference: a tactic, technique or subtechnique. */
export interface ThreatEntry {
  readonly id: string;
  readonly name: string;
  readonly reference: string;
}

export interface ThreatTechnique extends ThreatEntry {
  readonly subtechnique?: readonly ThreatEntry[];
}

export interface Threat {
  readonly framework: string;
  readonly tactic: ThreatEntry;
  readonly technique?: readonly ThreatTechnique[];
}

export interface InvestigationFields {
  readonly field_names: readonly string[];
}

export interface AlertSuppression {
  readonly group_by: readonly string[];
  readonly duration?: { readonly value: number; readonly unit: string };
  readonly missing_fields_strategy?: string;
}

export interface ThresholdSpec {
  readonly field: readonly string[];
  readonly value: number;
  readonly cardinality?: readonly { readonly field: string; readonly value: number }[];
}

/** `[[transform.investigate]]` / `[[transform.osquery]]` guide plugins, kept as written. */
export type RuleTransforms = { readonly [plugin: string]: readonly RuleObject[] };

export interface Rule {
  readonly metadata: RuleMetadata;

  readonly rule_id: string;
  readonly name: string;
  readonly description: string;
  readonly type: RuleType;
  readonly severity: Severity;
  readonly risk_score: number;
  readonly author?: readonly string[];
  readonly license?: string;
  readonly language?: string;
  readonly index?: readonly string[];
  readonly data_view_id?: string;
  readonly query?: string;
  readonly filters?: readonly RuleObject[];
  readonly note?: string;
  readonly setup?: string;
  readonly interval?: string;
  readonly from?: string;
  readonly to?: string;
  readonly max_signals?: number;
  readonly tags?: readonly string[];
  readonly references?: readonly string[];
  readonly false_positives?: readonly string[];
  readonly threat?: readonly Threat[];
  readonly version?: number;
  readonly enabled?: boolean;
  readonly timestamp_override?: string;
  readonly timestamp_override_fallback_disabled?: boolean;
  readonly building_block_type?: string;
  readonly investigation_fields?: InvestigationFields;
  readonly alert_suppression?: AlertSuppression;
  readonly rule_name_override?: string;
  readonly timeline_id?: string;
  readonly timeline_title?: string;
  readonly risk_score_mapping?: readonly RuleObject[];
  readonly severity_mapping?: readonly RuleObject[];
  readonly event_category_override?: string;
  readonly tiebreaker_field?: string;
  readonly timestamp_field?: string;
  readonly threshold?: ThresholdSpec;
  /** detection-rules writes new_terms as `{field, value, history_window_start[]}`. */
  readonly new_terms?: RuleObject;
  readonly machine_learning_job_id?: string | readonly string[];
  readonly anomaly_threshold?: number;

  /** Investigation-guide transforms (TOML `[transform]`). */
  readonly transform?: RuleTransforms;
  /** Keys of `[rule]` (or of a Kibana rule object) the model does not name. */
  readonly extra?: RuleObject;
  /** Top-level TOML tables other than `[metadata]`, `[rule]` and `[transform]`. */
  readonly extra_tables?: RuleObject;
}
