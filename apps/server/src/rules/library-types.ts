import type { Rule } from '@rulebench/rules';
import type { RuleFormat, RuleSource } from '../store/rule-store.js';
import type { RuleProblem } from './library-error.js';
import type { RuleSummary } from './rule-summary.js';
import type { LocatedFinding, ReplayStatus } from './rule-validation.js';

/** One library entry as listed. Dates are ISO-8601. */
export interface RuleListItem extends RuleSummary {
  readonly id: string;
  readonly source: RuleSource;
  /** The bundled seed rule the workbench opens by default. */
  readonly default: boolean;
  readonly revision: number;
  /** Bundled rules cannot be saved over or deleted; "save as" makes an editable copy. */
  readonly read_only: boolean;
  readonly created_at: string;
  readonly updated_at: string;
}

export interface RevisionInfo {
  readonly revision: number;
  readonly format: RuleFormat;
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
  readonly findings: { readonly error: number; readonly warning: number; readonly info: number };
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
  readonly format: 'toml' | 'ndjson';
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
