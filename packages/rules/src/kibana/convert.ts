import type { Rule, RuleObject, RuleValue } from '../rule.js';
import { extractGuidePlugins, renderGuidePlugins } from './guide-plugins.js';

/** Fields Kibana manages itself; they do not belong in a rule repository. */
const KIBANA_MANAGED = [
  'id',
  'created_at',
  'created_by',
  'updated_at',
  'updated_by',
  'revision',
  'immutable',
  'rule_source',
  'execution_summary',
  'output_index',
  'meta',
  'enabled',
  'exceptions_list',
  'actions',
  'throttle',
  'response_actions',
] as const;

/**
 * A Rule as the Kibana Detections API takes it (one NDJSON line of an import): `[rule]` fields
 * flat, new-terms settings as `new_terms_fields` / `history_window_start`, and guide transforms
 * rendered into the note. `[metadata]` has no Kibana counterpart and is left out.
 */
export function ruleToKibana(rule: Rule): RuleObject {
  const { metadata: _metadata, transform, extra, extra_tables: _tables, new_terms, note, ...fields } = rule;
  const out: Record<string, RuleValue> = {};
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) out[key] = value as RuleValue;
  if (note !== undefined) out.note = transform ? renderGuidePlugins(note, transform) : note;
  if (new_terms !== undefined) Object.assign(out, flattenNewTerms(new_terms));
  return { ...out, ...extra };
}

/** detection-rules `[rule.new_terms]` → Kibana's flat keys. */
function flattenNewTerms(newTerms: RuleObject): Record<string, RuleValue> {
  if (newTerms.field !== 'new_terms_fields') return { new_terms: newTerms };
  const out: Record<string, RuleValue> = { new_terms_fields: newTerms.value ?? [] };
  const windows = newTerms.history_window_start;
  const first = Array.isArray(windows) ? windows[0] : undefined;
  if (first && typeof first === 'object' && !Array.isArray(first) && 'value' in first) {
    out.history_window_start = (first as RuleObject).value ?? null;
  }
  return out;
}

/**
 * A rule read from a Kibana export, shaped for a detection-rules repository: Kibana-managed
 * fields dropped, `[metadata]` dates from created_at / updated_at, new-terms settings nested,
 * inline guide plugins lifted into `[transform]`.
 */
export function kibanaToTomlRule(rule: Rule, options: { readonly maturity?: string } = {}): Rule {
  const extra: Record<string, RuleValue> = { ...rule.extra };
  const created = dateOf(extra.created_at);
  const updated = dateOf(extra.updated_at);
  for (const key of KIBANA_MANAGED) delete extra[key];
  let newTerms: RuleObject | undefined = rule.new_terms;
  if (extra.new_terms_fields !== undefined) {
    newTerms = {
      field: 'new_terms_fields',
      value: extra.new_terms_fields,
      ...(extra.history_window_start !== undefined && {
        history_window_start: [{ field: 'history_window_start', value: extra.history_window_start }],
      }),
    };
    delete extra.new_terms_fields;
    delete extra.history_window_start;
  }
  const guide = rule.note === undefined ? undefined : extractGuidePlugins(rule.note);
  const hasPlugins = guide !== undefined && Object.keys(guide.transform).length > 0;
  const { extra: _e, new_terms: _n, note: _note, transform: _t, ...rest } = rule;
  return {
    ...rest,
    metadata: {
      ...(created && { creation_date: created }),
      maturity: options.maturity ?? rule.metadata.maturity ?? 'development',
      ...((updated ?? created) && { updated_date: updated ?? created }),
      ...rule.metadata,
    },
    ...(guide && { note: guide.note }),
    ...(newTerms && { new_terms: newTerms }),
    ...(hasPlugins ? { transform: guide.transform } : rule.transform ? { transform: rule.transform } : {}),
    ...(Object.keys(extra).length > 0 && { extra }),
  };
}

/** `2025-08-14T13:09:02.318Z` → `2025/08/14`, the date format of detection-rules metadata. */
function dateOf(value: RuleValue | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  return match ? `${match[1]}/${match[2]}/${match[3]}` : undefined;
}
