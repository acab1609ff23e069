/**
 * The rule library as `/api/rules*` sends it (apps/server/src/schemas/rule-library.ts).
 * `rule` is the `@rulebench/rules` model; the rest is the library's bookkeeping.
 */
import type { Finding, Rule } from '@rulebench/rules';

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

export type StoredFormat = 'toml' | 'ndjson' | 'json';

export interface RuleListItem {
  readonly id: string;
  readonly source: 'bundled' | 'user';
  readonly default: boolean;
  readonly revision: number;
  readonly read_only: boolean;
  readonly created_at: string;
  readonly updated_at: string;
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
  readonly techniques: readonly AttackRef[];
  readonly replay: ReplayStatus;
  readonly findings: FindingCounts;
  readonly format: StoredFormat;
  readonly origin: string | null;
}

export interface RuleList {
  readonly total: number;
  readonly rules: readonly RuleListItem[];
}

/** A finding as the server locates it (line/column in the file the rule came from). */
export interface LocatedFinding extends Finding {
  readonly line?: number;
  readonly column?: number;
  readonly rule_id?: string;
}

export interface RuleDetail extends RuleListItem {
  readonly shown_revision: number;
  readonly rule: Rule;
  readonly validation: readonly LocatedFinding[];
  readonly revisions: readonly {
    readonly revision: number;
    readonly format: StoredFormat;
    readonly origin: string | null;
    readonly created_at: string;
  }[];
}

export interface SaveResult {
  readonly changed: boolean;
  readonly rule: RuleDetail;
}

/** A problem that kept a rule (or a whole file) from being read. */
export interface RuleProblem {
  readonly code: string;
  readonly message: string;
  readonly file: string | null;
  readonly line: number | null;
  readonly column: number | null;
  readonly field: string | null;
}

export type ImportStatus = 'created' | 'updated' | 'unchanged' | 'skipped';

export interface ImportedRule {
  readonly line: number;
  readonly rule_id: string;
  readonly name: string;
  readonly type: string;
  readonly status: ImportStatus;
  readonly id: string | null;
  readonly revision: number | null;
  readonly replay: ReplayStatus;
  readonly findings: FindingCounts;
}

export interface ImportedOther {
  readonly line: number;
  readonly kind: string;
  readonly ref: string | null;
  readonly name: string | null;
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

/** Filters of `GET /api/rules`. */
export interface RuleListFilter {
  readonly q?: string;
  readonly tag?: string;
  readonly tactic?: string;
  readonly technique?: string;
  readonly type?: string;
  readonly source?: 'bundled' | 'user';
}

export type ExportFormat = 'toml' | 'ndjson';
