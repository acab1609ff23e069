/**
 * Near misses: events that pass the category and every top-level clause but one. Grouped by
 * that clause, they show at a glance where a rule is too narrow.
 *
 * Scanning tests each event with the engine's clause tester (each clause compiled once) and
 * runs the full `explain` only for the first event of each group, to name its clause: the scan
 * of a 100,000-event corpus stays a matter of the events' parsing.
 */

import {
  type ClauseResult,
  type CompiledQuery,
  compile,
  createClauseTester,
  type EventHit,
  type EventSource,
  explain,
  nearMissClause,
  type SourceRange,
} from '@rulebench/eql';

export interface NearMissGroup {
  /** The failed clause as canonical EQL. */
  readonly label: string;
  readonly loc: SourceRange;
  /** Events in the group, all of them (more than `events` holds when the group is large). */
  readonly count: number;
  /** The first events of the group, in scan order. */
  readonly events: readonly EventHit[];
}

export interface NearMissScan {
  readonly groups: readonly NearMissGroup[];
  /** Events examined. */
  readonly scanned: number;
  /** Events in the corpus (may be more than scanned). */
  readonly total: number;
}

/** Events kept per group for the list; the count stays exact. */
export const GROUP_EVENTS_KEPT = 200;

interface MutableGroup {
  readonly label: string;
  readonly loc: SourceRange;
  count: number;
  readonly events: EventHit[];
}

/** Compiles once; `null` when the query is not a single event query (sequences, samples). */
export function compileForNearMisses(query: string): CompiledQuery | null {
  const compiled = compile(query);
  return compiled.ast.body.kind === 'EventQuery' ? compiled : null;
}

export class NearMissCollector {
  readonly #compiled: CompiledQuery;
  readonly #test: (source: EventSource) => ClauseResult;
  readonly #keep: number;
  /** Keyed by the failed clause's index among the top-level clauses. */
  readonly #groups = new Map<number, MutableGroup>();

  constructor(compiled: CompiledQuery, keep = GROUP_EVENTS_KEPT) {
    this.#compiled = compiled;
    this.#test = createClauseTester(compiled);
    this.#keep = keep;
  }

  add(hit: EventHit): void {
    let result: ClauseResult;
    try {
      result = this.#test(hit._source);
    } catch {
      // An event the query cannot evaluate (e.g. an overflow) is no near miss.
      return;
    }
    if (!result.categoryMatched || result.failedClauses.length !== 1) return;
    const index = result.failedClauses[0] as number;
    let group = this.#groups.get(index);
    if (group === undefined) {
      const [term] = explain(this.#compiled, hit._source).terms;
      const clause = term && nearMissClause(term);
      if (!clause) return;
      group = { label: clause.label, loc: clause.loc, count: 0, events: [] };
      this.#groups.set(index, group);
    }
    group.count++;
    if (group.events.length < this.#keep) group.events.push(hit);
  }

  /** Groups in query order (the order of the clauses). */
  groups(): NearMissGroup[] {
    return [...this.#groups.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([, g]) => ({ label: g.label, loc: g.loc, count: g.count, events: [...g.events] }));
  }
}
