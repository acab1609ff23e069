/**
 * The rule library as `/api/rules*` sends it (apps/server/src/schemas/rule-library.ts).
 * Types only: the server builds these values and the web app reads them, so both import them from here.
 * `rule` is the `Rule` model; the rest is the library's bookkeeping. Dates are ISO-8601.
 */
import type { Rule } from './rule.js';
import type { Finding } from './validate/finding.js';

export interface AttackRef {
  readonly id: string;
  readonly name: string;
}

export interface FindingCounts {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
}

export interface ReplayStatus {
  readonly possible: boolean;
  readonly reason?: string;
}

/** What a stored revision was saved from. */
export type StoredFormat = 'toml' | 'ndjson' | 'json';
export type LibrarySource = 'bundled' | 'user';
export type ExportFormat = 'toml' | 'ndjson';

/** A finding with its place in the text it came from, when there is one. */
export interface LocatedFinding extends Finding {
  readonly line?: number;
  readonly column?: number;
  readonly rule_id?: string;
}

/** One problem in a rule file or rule body, located as precisely as the input allows. */
export interface RuleProblem {
  readonly code: string;
  /** The full message, location included: `file:line:col: field: reason`. */
  readonly message: string;
  readonly file: string | null;
  readonly line: number | null;
  readonly column: number | null;
  /** Path of the offending field (`rule.risk_score` in TOML, `risk_score` elsewhere). */
  readonly field: string | null;
}

/** What the library list shows and searches for one rule; stored beside each entry. */
export interface RuleSummary {
  readonly rule_id: string;
  readonly name: string;
  readonly description: string;
  readonly type: string;
  readonly language: string | null;
  readonly severity: string;
  readonly risk_score: number;
  readonly tags: readonly string[];
  readonly index: readonly string[];
  readonly tactics: readonly AttackRef[];
  /** Techniques and subtechniques. */
  readonly techniques: readonly AttackRef[];
  readonly replay: ReplayStatus;
  readonly findings: FindingCounts;
  /** What the latest revision was saved from, and the file name when it came from one. */
  readonly format: StoredFormat;
  readonly origin: string | null;
}

/** One library entry as listed. */
export interface RuleListItem extends RuleSummary {
  readonly id: string;
  readonly source: LibrarySource;
  /** The bundled seed rule the workbench opens by default. */
  readonly default: boolean;
  readonly revision: number;
  /** Bundled rules cannot be saved over or deleted; "save as" makes an editable copy. */
  readonly read_only: boolean;
  readonly created_at: string;
  readonly updated_at: string;
}

export interface RuleList {
  readonly total: number;
  readonly rules: readonly RuleListItem[];
}

export interface RevisionInfo {
  readonly revision: number;
  readonly format: StoredFormat;
  readonly origin: string | null;
  readonly created_at: string;
}

/** One entry with its rule (at the latest or a chosen revision), validation and history. */
export interface RuleDetail extends RuleListItem {
  /** The revision `rule` is at (the latest unless one was asked for). */
  readonly shown_revision: number;
  readonly rule: Rule;
  readonly validation: readonly LocatedFinding[];
  readonly revisions: readonly RevisionInfo[];
}

export interface SaveResult {
  readonly changed: boolean;
  readonly rule: RuleDetail;
}

export type ImportStatus = 'created' | 'updated' | 'unchanged' | 'skipped';

export interface ImportedRule {
  readonly line: number;
  readonly rule_id: string;
  readonly name: string;
  readonly type: string;
  /**
   * `created`: a new entry; `updated`: a new revision of the user entry with that rule_id;
   * `unchanged`: an identical rule is already stored; `skipped`: not among the chosen rules.
   * In a dry run the status says what would happen, and nothing is stored.
   */
  readonly status: ImportStatus;
  readonly id: string | null;
  readonly revision: number | null;
  readonly replay: ReplayStatus;
  readonly findings: FindingCounts;
}

export interface ImportedOther {
  readonly line: number;
  readonly kind: string;
  /** `list_id` of a list or item, `id` of a connector, when present. */
  readonly ref: string | null;
  readonly name: string | null;
  /** Whether it was stored, to travel with NDJSON exports of the rules that use it. */
  readonly kept: boolean;
}

export interface ImportResult {
  readonly file: string | null;
  readonly format: ExportFormat;
  readonly dry_run: boolean;
  readonly rules: readonly ImportedRule[];
  readonly others: readonly ImportedOther[];
  readonly errors: readonly RuleProblem[];
  readonly counts: {
    readonly created: number;
    readonly updated: number;
    readonly unchanged: number;
    readonly skipped: number;
    readonly failed: number;
  };
}

/** Filters of `GET /api/rules`. */
export interface RuleListFilter {
  /** Free text: name, rule_id, description, tags, ATT&CK ids and names, index patterns. */
  readonly q?: string;
  /** A tag, case-insensitive, whole. */
  readonly tag?: string;
  /** A tactic id (`TA0002`) or name (`Execution`), case-insensitive, whole. */
  readonly tactic?: string;
  /** A technique id (`T1047`, also finding its subtechniques) or a part of its name. */
  readonly technique?: string;
  readonly type?: string;
  readonly source?: LibrarySource;
}
