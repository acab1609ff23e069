import { describe, expect, it } from 'vitest';
import type { Rule } from '../rule/types.js';
import type { WorkbenchSeed } from './workbench-seed.js';
import {
  clearWorkingState,
  loadWorkingState,
  RESTORED_ORIGIN,
  saveWorkingState,
  startingSeed,
  WORKING_STATE_KEY,
  type WorkingState,
} from './working-state.js';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
    items,
  };
}

const rule = { name: 'Edited rule', query: 'process where true' } as unknown as Rule;
const work: WorkingState = {
  v: 1,
  rule,
  query: 'process where process.name == "x"',
  corpus: 'lab-run',
  size: 25,
  exceptions: [{ field: 'host.name', operator: 'is', value: 'h1' }],
};
const fork: WorkbenchSeed = { rule, query: 'any where true', origin: 'permalink abc version 1' };

describe('working state', () => {
  it('is read back from this tab first, else from the last tab that saved', () => {
    const tab = memoryStorage();
    const shared = memoryStorage();
    saveWorkingState(work, { tab, shared });
    expect(loadWorkingState({ tab, shared })).toEqual(work);
    expect(loadWorkingState({ tab: memoryStorage(), shared })).toEqual(work);
    const other = { ...work, query: 'other' };
    tab.setItem(WORKING_STATE_KEY, JSON.stringify(other));
    expect(loadWorkingState({ tab, shared })?.query).toBe('other');
  });

  it('ignores what it cannot read', () => {
    const tab = memoryStorage();
    tab.setItem(WORKING_STATE_KEY, '{"v":1,"query":3}');
    const shared = memoryStorage();
    shared.setItem(WORKING_STATE_KEY, 'not json');
    expect(loadWorkingState({ tab, shared })).toBeUndefined();
    expect(loadWorkingState({ tab: undefined, shared: undefined })).toBeUndefined();
  });

  it('opens saved work as a seed; a fork wins unless the work continues it', () => {
    expect(startingSeed(undefined, undefined)).toBeUndefined();
    expect(startingSeed(undefined, work)).toEqual({
      rule,
      query: work.query,
      corpus: 'lab-run',
      size: 25,
      exceptions: work.exceptions,
      origin: RESTORED_ORIGIN,
      restored: true,
    });
    expect(startingSeed(fork, work)).toBe(fork);
    const continued = startingSeed(fork, { ...work, from: fork.origin });
    expect(continued).toMatchObject({ query: work.query, origin: fork.origin, restored: true });
  });

  it('start over forgets the work everywhere and saves nothing more', () => {
    const tab = memoryStorage();
    const shared = memoryStorage();
    saveWorkingState(work, { tab, shared });
    clearWorkingState({ tab, shared });
    expect(tab.items.size + shared.items.size).toBe(0);
    saveWorkingState(work, { tab, shared });
    expect(tab.items.size + shared.items.size).toBe(0);
  });
});
