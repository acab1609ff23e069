/**
 * Why an event did or did not match: the engine's explanation, run in the browser against
 * the query as currently typed, so the panel follows every edit without a round trip.
 */

import {
  type EventSource,
  type ExplainNode,
  explain,
  isEqlError,
  type QueryExplanation,
} from '@rulebench/eql';

export type ExplainResult =
  | { readonly ok: true; readonly explanation: QueryExplanation }
  | { readonly ok: false; readonly reason: string };

export function explainEvent(query: string, source: EventSource): ExplainResult {
  try {
    return { ok: true, explanation: explain(query, source) };
  } catch (error) {
    if (isEqlError(error)) return { ok: false, reason: `${error.line}:${error.column} ${error.message}` };
    throw error;
  }
}

export type Verdict = 'true' | 'false' | 'null' | 'value';

/** How a node reads in the panel: a filter's truth, or a computed value. */
export function verdictOf(node: ExplainNode): Verdict {
  if (node.mode === 'value') return node.value === null && node.kind !== 'Literal' ? 'null' : 'value';
  if (node.value === true) return 'true';
  if (node.value === false) return 'false';
  return 'null';
}

/** A value as EQL would write it: strings quoted, null as `null`. */
export function formatEqlValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

/** What a field node holds in the event: `missing`, `null`, one value or a list. */
export function describeFieldNode(node: ExplainNode): string | undefined {
  if (node.field === undefined) return undefined;
  if (node.field.state === 'missing') return 'missing';
  if (node.field.state === 'null') return 'null';
  const values = node.field.values.map(formatEqlValue);
  return values.length === 1 ? (values[0] ?? '') : `[${values.join(', ')}]`;
}

/**
 * The leaves worth showing next to a clause: its field operands and their values. For an
 * `and`/`or`/`not` group that is every leaf below it, each once (`a == 1 or a == 2` names `a`
 * once), so a collapsed group still says what the event holds.
 */
export function operandSummary(node: ExplainNode): { label: string; value: string }[] {
  const out: { label: string; value: string }[] = [];
  const seen = new Set<string>();
  const add = (label: string, value: string) => {
    const key = `${label}\u0000${value}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ label, value });
  };
  const visit = (n: ExplainNode) => {
    if (n.kind === 'Field') {
      add(n.label, describeFieldNode(n) ?? formatEqlValue(n.value));
      return;
    }
    if (n.kind === 'FunctionCall' || n.kind === 'Arithmetic') {
      add(n.label, formatEqlValue(n.value));
      return;
    }
    for (const child of n.children) visit(child);
  };
  for (const child of node.children) visit(child);
  return out;
}
