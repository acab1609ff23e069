/** One validation result, shared by the editor (markers, inline field notes), the API and the CLI. */
export type FindingSeverity = 'error' | 'warning' | 'info';

export interface Finding {
  readonly severity: FindingSeverity;
  /** Stable identifier, e.g. `unknown-field`, `risk-score-range`, `query-syntax`. */
  readonly code: string;
  readonly message: string;
  /**
   * Path in the Rule model: `query`, `risk_score`, `threat[0].tactic.id`, `metadata.maturity`.
   * Each format maps it to its own position (TOML key, NDJSON line, form field).
   */
  readonly field: string;
  /** For text fields (the query): half-open UTF-16 offsets into that field's value. */
  readonly range?: { readonly start: number; readonly end: number };
}

export function countBySeverity(findings: readonly Finding[]): Record<FindingSeverity, number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
