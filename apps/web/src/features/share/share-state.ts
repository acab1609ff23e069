import type { EqlSearchResponse } from '@rulebench/eql';
import type { KibanaExceptionItem } from '../exceptions/rule-exceptions.js';
import type { Rule } from '../rule/types.js';
import type { SelectedHit } from '../search/components/MatchList.js';
import type {
  SharedEvent,
  SnapshotInput,
  SnapshotOptions,
  SnapshotRule,
  SnapshotSelection,
} from './types.js';

/** What the share menu reads from the workbench. */
export interface ShareableState {
  readonly rule: Rule;
  /** The query as edited (it may differ from the rule's own). */
  readonly query: string;
  /** The corpus id, or undefined when none is chosen. */
  readonly corpus: string | undefined;
  /** The corpus's name, for people (links show it rather than the id). */
  readonly corpusName?: string | undefined;
  readonly size: number;
  readonly selected: SelectedHit | null;
  /** The results on screen (the last run), if any. */
  readonly response: EqlSearchResponse | undefined;
  /**
   * The exception being previewed (Kibana items; empty or absent when none). A link applies it,
   * as Kibana would, and shows it; a fork puts it back in the builder.
   */
  readonly exceptions?: readonly KibanaExceptionItem[];
}

/** The workbench types the rule loosely; on the wire it is the full rule object as received. */
export const ruleRecord = (rule: Rule): SnapshotRule => rule as unknown as SnapshotRule;

export function toSharedEvent(hit: SelectedHit['hit']): SharedEvent {
  return { _index: hit._index, _id: hit._id, _source: hit._source };
}

/** `e:12` → matches, `s:0:1` → matches (sequence 0), `n:12` → near misses. */
export function selectionOf(selected: SelectedHit | null, withHit: boolean): SnapshotSelection {
  if (selected === null) return { event: null, sequence: null, panel: 'matches' };
  const [kind, first] = selected.key.split(':');
  return {
    event: selected.key,
    sequence: kind === 's' && first !== undefined ? first : null,
    panel: kind === 'n' ? 'near-misses' : 'matches',
    ...(withHit && { hit: toSharedEvent(selected.hit) }),
  };
}

export function snapshotOptions(state: ShareableState): SnapshotOptions {
  const exceptions = state.exceptions ?? [];
  // The position is written out: links made before it was recorded ran with `head`, the
  // engine's default then, and are re-run that way.
  return { size: state.size, result_position: 'tail', ...(exceptions.length > 0 && { exceptions }) };
}

/** The body of `POST /api/permalinks` for the workbench as it is now. */
export function snapshotInput(state: ShareableState): SnapshotInput {
  return {
    v: 1,
    rule: ruleRecord(state.rule),
    query: state.query,
    corpus: state.corpus === undefined ? null : { id: state.corpus },
    options: snapshotOptions(state),
    selection: selectionOf(state.selected, true),
  };
}

/**
 * The events a fragment link carries: every event of the results on screen (sequence members
 * once each, missing-event placeholders left out), plus the selected event if it is not
 * among them (a near miss). Order is kept, so the receiving page lists them the same way.
 */
export function eventsToShare(
  response: EqlSearchResponse | undefined,
  selected: SelectedHit | null,
): SharedEvent[] {
  const out: SharedEvent[] = [];
  const seen = new Set<string>();
  const add = (hit: SelectedHit['hit']) => {
    if (hit.missing) return;
    const key = `${hit._index}\u0000${hit._id}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(toSharedEvent(hit));
  };
  for (const hit of response?.hits.events ?? []) add(hit);
  for (const sequence of response?.hits.sequences ?? []) for (const hit of sequence.events) add(hit);
  if (selected) add(selected.hit);
  return out;
}
