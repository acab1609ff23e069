import type { ExceptionEntry } from '../exceptions/exception-match.js';
import type { Rule } from '../rule/types.js';
import type { PermalinkBase } from './types.js';
import type { WorkbenchSeed } from './workbench-seed.js';

/**
 * The workbench's work in progress, kept so a reload (F5, a crash, a closed tab) loses nothing:
 * the rule as edited, the query, the chosen corpus, the options and the exception being built.
 * Each tab keeps its own in sessionStorage (it survives a reload of that tab); the last one
 * saved in any tab is also in localStorage, for a new tab. It is restored through the same
 * path a fork takes (a seed), so a restored page behaves exactly like an opened one.
 */
export interface WorkingState {
  readonly v: 1;
  readonly rule: Rule;
  readonly query: string;
  readonly corpus?: string;
  readonly size?: number;
  readonly exceptions?: readonly ExceptionEntry[];
  readonly base?: PermalinkBase;
  /** The seed this work started from (a fork's origin): a reload prefers the work over that seed. */
  readonly from?: string;
}

export const WORKING_STATE_KEY = 'rulebench.workingState';
/** The origin of a seed made from saved work (shown nowhere; keys the rule's query). */
export const RESTORED_ORIGIN = 'saved work';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface Storages {
  /** This tab's (sessionStorage): read first. */
  readonly tab: Storage | undefined;
  /** Every tab's (localStorage): the last work saved anywhere, for a tab that has none. */
  readonly shared: Storage | undefined;
}

function browserStorages(): Storages {
  const get = (name: 'sessionStorage' | 'localStorage') => {
    try {
      return typeof window === 'undefined' ? undefined : window[name];
    } catch {
      // Disabled storage (privacy settings): nothing is kept, nothing breaks.
      return undefined;
    }
  };
  return { tab: get('sessionStorage'), shared: get('localStorage') };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function parse(text: string | null | undefined): WorkingState | undefined {
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (!isRecord(value) || value.v !== 1 || !isRecord(value.rule) || typeof value.query !== 'string')
      return undefined;
    return value as unknown as WorkingState;
  } catch {
    return undefined;
  }
}

/** After "start over" the page is about to reload: nothing may write the old work back. */
let suspended = false;

export function saveWorkingState(state: WorkingState, storages: Storages = browserStorages()): void {
  if (suspended) return;
  const text = JSON.stringify(state);
  for (const storage of [storages.tab, storages.shared]) {
    try {
      storage?.setItem(WORKING_STATE_KEY, text);
    } catch {
      // Over quota (a huge rule): the work stays on screen, only a reload would lose it.
    }
  }
}

export function loadWorkingState(storages: Storages = browserStorages()): WorkingState | undefined {
  const read = (storage: Storage | undefined) => {
    try {
      return parse(storage?.getItem(WORKING_STATE_KEY));
    } catch {
      return undefined;
    }
  };
  return read(storages.tab) ?? read(storages.shared);
}

/** Forgets the saved work (both storages) and stops saving until the page reloads. */
export function clearWorkingState(storages: Storages = browserStorages()): void {
  suspended = true;
  for (const storage of [storages.tab, storages.shared]) {
    try {
      storage?.removeItem(WORKING_STATE_KEY);
    } catch {
      // Nothing to forget.
    }
  }
}

/**
 * What the workbench opens with: a fork (the history entry's seed) unless the saved work
 * continues that very fork (the user edited it, then reloaded); else the saved work; else
 * nothing (the seed rule).
 */
export function startingSeed(
  historySeed: WorkbenchSeed | undefined,
  saved: WorkingState | undefined,
): WorkbenchSeed | undefined {
  if (historySeed && saved?.from !== historySeed.origin) return historySeed;
  if (!saved) return historySeed;
  return {
    rule: saved.rule,
    query: saved.query,
    ...(saved.corpus !== undefined && { corpus: saved.corpus }),
    ...(saved.size !== undefined && { size: saved.size }),
    ...(saved.exceptions !== undefined && { exceptions: saved.exceptions }),
    ...(saved.base !== undefined && { base: saved.base }),
    origin: saved.from ?? RESTORED_ORIGIN,
    restored: true,
  };
}
