/**
 * Near misses: events that pass the category and every top-level clause but one. Grouped by
 * that clause, they show at a glance where a rule is too narrow.
 */

import {
  type CompiledQuery,
  compile,
  type EventHit,
  explain,
  nearMissClause,
  type SourceRange,
} from '@rulebench/eql';

export interface NearMissGroup {
  /** The failed clause as canonical EQL. */
  readonly label: string;
  readonly loc: SourceRange;
  readonly events: EventHit[];
}

export interface NearMissScan {
  readonly groups: readonly NearMissGroup[];
  /** Events examined. */
  readonly scanned: number;
  /** Events in the corpus (may be more than scanned). */
  readonly total: number;
}

/** Compiles once; `null` when the query is not a single event query (sequences, samples). */
export function compileForNearMisses(query: string): CompiledQuery | null {
  const compiled = compile(query);
  return compiled.ast.body.kind === 'EventQuery' ? compiled : null;
}

/** Adds the near misses among `events` to `groups` (keyed by clause position). */
export function collectNearMisses(
  compiled: CompiledQuery,
  events: readonly EventHit[],
  groups: Map<number, NearMissGroup>,
): void {
  for (const hit of events) {
    const [term] = explain(compiled, hit._source).terms;
    if (term === undefined) continue;
    const clause = nearMissClause(term);
    if (clause === undefined) continue;
    const group = groups.get(clause.loc.start);
    if (group) group.events.push(hit);
    else groups.set(clause.loc.start, { label: clause.label, loc: clause.loc, events: [hit] });
  }
}

/** Groups in query order (the order of the clauses). */
export function sortedGroups(groups: Map<number, NearMissGroup>): NearMissGroup[] {
  return [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([, g]) => g);
}
