/**
 * Validation findings placed where the user can act on them: beside a form field (by the
 * finding's model path) or, for the query, as editor markers.
 */
import type { Finding } from '@rulebench/rules';
import type { Diagnostic } from '../editor/markers.js';
import { positionAt } from '../editor/markers.js';

/** Findings about `path` or anything under it (`threat` covers `threat[0].tactic.id`). */
export function findingsFor(findings: readonly Finding[], ...paths: readonly string[]): Finding[] {
  return findings.filter((f) =>
    paths.some((p) => f.field === p || f.field.startsWith(`${p}.`) || f.field.startsWith(`${p}[`)),
  );
}

/**
 * The query editor marks parse errors and unknown fields itself (the latter against ECS and the
 * corpus, which is the better judge while replaying); marking them again would only repeat them.
 */
function markedByEditor(finding: Finding): boolean {
  return (
    finding.code === 'query-syntax' || finding.code === 'unknown-field' || finding.code.startsWith('EQL_')
  );
}

/** Query findings with a range (unknown fields, type clashes, bad category values) → editor diagnostics. */
export function queryDiagnostics(query: string, findings: readonly Finding[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const f of findings) {
    if (f.field !== 'query' || f.range === undefined || markedByEditor(f)) continue;
    const start = positionAt(query, f.range.start);
    out.push({
      code: f.code,
      message: f.message,
      range: f.range,
      line: start.lineNumber,
      column: start.column,
      severity: f.severity,
    });
  }
  return out;
}

export type EditorTab = 'details' | 'query' | 'attack' | 'guide' | 'setup' | 'all';

const TAB_FIELDS: Readonly<Record<EditorTab, readonly string[]>> = {
  details: [
    'name',
    'description',
    'severity',
    'risk_score',
    'tags',
    'author',
    'license',
    'references',
    'false_positives',
    'rule_id',
    'metadata',
    'version',
    'building_block_type',
  ],
  query: ['query', 'language', 'index', 'interval', 'from', 'to', 'max_signals', 'timestamp_override'],
  attack: ['threat'],
  guide: ['note'],
  setup: ['setup'],
  all: [],
};

/** The tab a finding shows on; findings about fields no tab edits go to "All fields". */
export function tabOf(finding: Finding): EditorTab {
  for (const [tab, fields] of Object.entries(TAB_FIELDS) as [EditorTab, readonly string[]][]) {
    if (findingsFor([finding], ...fields).length > 0) return tab;
  }
  return 'all';
}

export function countFindings(findings: readonly Finding[]): {
  error: number;
  warning: number;
  info: number;
} {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}
