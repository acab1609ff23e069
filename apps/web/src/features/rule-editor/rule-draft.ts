/**
 * Pure edits of the rule being worked on. The draft is the `@rulebench/rules` model; setting a
 * field to "nothing" removes it unless the loaded rule had it, so an untouched field never
 * turns into a new key (and a saved or downloaded rule stays identical to the file it came from).
 */
import { isDeepStrictEqual, isKnownSeverity, type Rule, SEVERITY_RISK_RANGES } from '@rulebench/rules';
import type { Rule as WorkbenchRule } from '../rule/types.js';

export type RuleKey = Exclude<keyof Rule, 'metadata'>;

/** The draft with `key` set; `undefined` (or an empty list absent from `base`) removes it. */
export function withField<K extends RuleKey>(
  draft: Rule,
  key: K,
  value: Rule[K] | undefined,
  base?: Rule,
): Rule {
  const out: Record<string, unknown> = { ...draft };
  const emptyList = Array.isArray(value) && value.length === 0;
  if (value === undefined || (emptyList && base?.[key] === undefined)) delete out[key];
  else out[key] = value;
  return out as unknown as Rule;
}

export type MetadataKey = Exclude<keyof Rule['metadata'], 'extra'>;

export function withMetadata<K extends MetadataKey>(
  draft: Rule,
  key: K,
  value: Rule['metadata'][K] | undefined,
): Rule {
  const metadata: Record<string, unknown> = { ...draft.metadata };
  if (value === undefined || value === '') delete metadata[key];
  else metadata[key] = value;
  return { ...draft, metadata: metadata as Rule['metadata'] };
}

/** One item per line, trimmed, blank lines dropped. */
export function parseLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export function formatLines(items: readonly string[] | undefined): string {
  return (items ?? []).join('\n');
}

/**
 * The query to store for the editor's text. The workbench trims the query it shows; when the
 * text is unchanged the stored query keeps its own surrounding whitespace, and an edited one
 * gets the same (TOML rules write the query as a block starting and ending with a newline).
 */
export function queryForSave(stored: string | undefined, editorText: string): string | undefined {
  if (stored === undefined) return editorText.trim() === '' ? undefined : editorText;
  if (stored.trim() === editorText.trim()) return stored;
  const lead = /^\s*/.exec(stored)?.[0] ?? '';
  const trail = /\s*$/.exec(stored)?.[0] ?? '';
  return `${lead}${editorText.trim()}${trail}`;
}

/** The draft with the editor's query in it (EQL rules only: other queries are edited in the form). */
export function ruleWithQuery(draft: Rule, base: Rule, editorText: string | undefined): Rule {
  if (editorText === undefined || draft.type !== 'eql') return draft;
  return withField(draft, 'query', queryForSave(base.query, editorText), base);
}

export function isDirty(base: Rule, current: Rule): boolean {
  return !isDeepStrictEqual(base, current);
}

const text = (value: unknown, fallback: string) => (typeof value === 'string' ? value : fallback);

/**
 * A rule object the page got from elsewhere (the seed rule, a fork's snapshot) as the model the
 * editor works on: the required fields present, so no form has to guard against their absence.
 */
export function asRuleModel(value: object): Rule {
  const rule = value as Partial<Rule> & Record<string, unknown>;
  const metadata = typeof rule.metadata === 'object' && rule.metadata !== null ? rule.metadata : {};
  return {
    ...(rule as object),
    metadata,
    rule_id: text(rule.rule_id, ''),
    name: text(rule.name, ''),
    description: text(rule.description, ''),
    type: text(rule.type, 'eql'),
    severity: text(rule.severity, 'low'),
    risk_score: typeof rule.risk_score === 'number' ? rule.risk_score : 21,
  } as Rule;
}

/** What the rest of the workbench reads (header, guide, trainer): the same fields, query always a string. */
export function toWorkbenchRule(rule: Rule): WorkbenchRule {
  return { ...rule, query: rule.query ?? '' };
}

/** Only EQL rules can be replayed over events. */
export function isReplayable(rule: { readonly type?: string | undefined }): boolean {
  return rule.type === 'eql';
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  eql: 'EQL',
  query: 'KQL / Lucene query',
  saved_query: 'saved query',
  esql: 'ES|QL',
  threshold: 'threshold',
  threat_match: 'indicator match',
  machine_learning: 'machine learning',
  new_terms: 'new terms',
};

/** "KQL / Lucene query" for `query`, "ES|QL" for `esql`, …; unknown types as they are. */
export function ruleTypeName(type: string): string {
  return TYPE_NAMES[type] ?? type;
}

/** A file name like detection-rules writes: the rule name in lowercase words joined by `_`. */
export function ruleFileName(name: string, extension: 'toml' | 'ndjson'): string {
  const stem =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 80)
      .replace(/_+$/, '') || 'rule';
  return `${stem}.${extension}`;
}

/** Kibana's default risk score for each severity (what its rule form fills in). */
export const DEFAULT_RISK_SCORE: Readonly<Record<string, number>> = {
  low: 21,
  medium: 47,
  high: 73,
  critical: 99,
};

/**
 * A new severity, and with it the severity's default risk score when the current score falls
 * outside the new severity's band (the option reads "High (73)": a 21 left behind would be stale).
 */
export function withSeverity(draft: Rule, severity: string, base: Rule): Rule {
  const next = withField(draft, 'severity', severity, base);
  if (!isKnownSeverity(severity)) return next;
  const [low, high] = SEVERITY_RISK_RANGES[severity];
  const suggested = DEFAULT_RISK_SCORE[severity];
  if (suggested === undefined || (next.risk_score >= low && next.risk_score <= high)) return next;
  return withField(next, 'risk_score', suggested, base);
}
