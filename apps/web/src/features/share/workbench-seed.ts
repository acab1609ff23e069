import type { EqlSearchResponse } from '@rulebench/eql';
import type { ExceptionEntry } from '../exceptions/exception-match.js';
import { previewEntries } from '../exceptions/rule-exceptions.js';
import type { Rule } from '../rule/types.js';
import type { SelectedHit } from '../search/components/MatchList.js';
import type {
  PermalinkBase,
  SharedEvent,
  SnapshotOptions,
  SnapshotRule,
  SnapshotSelection,
} from './types.js';

/**
 * The state a fork opens the workbench with: an editable copy of what a link showed. It
 * travels in the history entry (`history.state`), so a reload of the fork keeps it.
 */
export interface WorkbenchSeed {
  readonly rule: Rule;
  readonly query: string;
  /** A corpus id on this server; absent when the link's events are not here. */
  readonly corpus?: string;
  readonly size?: number;
  readonly selected?: SelectedHit | null;
  /** The exception the link was previewing, back in the builder. */
  readonly exceptions?: readonly ExceptionEntry[];
  /** Saving a permalink from the fork makes the next version of this one. */
  readonly base?: PermalinkBase;
  /** What the fork came from, for the page to say ("permalink abc… version 2"). */
  readonly origin: string;
  /** Made from the work this tab saved before a reload (not a fork): the page carries on with it. */
  readonly restored?: boolean;
}

const SEED_KEY = 'rulebenchSeed';

export const seedHistoryState = (seed: WorkbenchSeed) => ({ [SEED_KEY]: seed });

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The seed a history entry holds, if it is one this app pushed. */
export function readSeed(state: unknown): WorkbenchSeed | undefined {
  if (!isRecord(state)) return undefined;
  const seed = state[SEED_KEY];
  if (
    !isRecord(seed) ||
    !isRecord(seed.rule) ||
    typeof seed.query !== 'string' ||
    typeof seed.origin !== 'string'
  )
    return undefined;
  return seed as unknown as WorkbenchSeed;
}

/** The snapshot's rule as the workbench types it; a rule without a name still shows as one. */
export function seedRule(rule: SnapshotRule, query: string): Rule {
  return {
    ...rule,
    name: typeof rule.name === 'string' ? rule.name : 'Untitled rule',
    query: typeof rule.query === 'string' ? rule.query : query,
  } as unknown as Rule;
}

/** A fork's builder entries from a link's options: the exception it was previewing, if any. */
export function seedExceptions(options: SnapshotOptions): Pick<WorkbenchSeed, 'exceptions'> {
  const entries = previewEntries(options.exceptions);
  return entries ? { exceptions: entries } : {};
}

const sameEvent = (a: SharedEvent, id: string) => a._id === id;

/**
 * The row a stored selection names, found in the results as they are now (`e:<id>`,
 * `s:<sequence>:<stage>`), else the event the selection carried, else one of `events` with
 * that id (a near miss in a fragment link). Null when nothing was selected.
 */
export function resolveSelection(
  response: EqlSearchResponse | undefined,
  selection: SnapshotSelection,
  events: readonly SharedEvent[] = [],
): SelectedHit | null {
  const key = selection.event;
  if (typeof key !== 'string' || key === '') return null;
  const [kind, first, second] = key.split(':');
  if (kind === 'e' && first !== undefined) {
    const id = key.slice(2);
    const hit = response?.hits.events?.find((e) => e._id === id);
    if (hit) return { key, hit };
  }
  if (kind === 's' && first !== undefined && second !== undefined) {
    const hit = response?.hits.sequences?.[Number(first)]?.events[Number(second)];
    if (hit && !hit.missing) return { key, hit };
  }
  if (selection.hit) return { key, hit: selection.hit };
  const id = kind === 'e' || kind === 'n' ? key.slice(2) : undefined;
  const carried = id === undefined ? undefined : events.find((e) => sameEvent(e, id));
  return carried ? { key, hit: carried } : null;
}
