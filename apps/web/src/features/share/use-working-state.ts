import { useEffect, useRef } from 'react';
import type { ExceptionEntry } from '../exceptions/exception-match.js';
import type { Rule } from '../rule/types.js';
import { isDirty } from '../rule-editor/rule-draft.js';
import { useRuleSession } from '../rule-editor/session/rule-session.js';
import type { PermalinkBase } from './types.js';
import { clearWorkingState, saveWorkingState, type WorkingState } from './working-state.js';

/** Typing saves this long after the last keystroke (one write per burst, not per key). */
const SAVE_DELAY_MS = 300;

export interface WorkbenchWork {
  /** Undefined while the rule loads: nothing is saved before there is work to save. */
  readonly rule: Rule | undefined;
  readonly query: string;
  readonly corpus: string | undefined;
  readonly size: number;
  readonly exceptions: readonly ExceptionEntry[];
  readonly base: PermalinkBase | undefined;
  /** The seed the page opened with (its origin), so a reload knows this work continues it. */
  readonly from: string | undefined;
  /** The page opened on saved work: keep saving it even when nothing changes. */
  readonly restored: boolean;
}

function toWorkingState(work: WorkbenchWork & { rule: Rule }): WorkingState {
  const exceptions = work.exceptions.filter((e) => e.field !== '' || e.value !== '');
  return {
    v: 1,
    rule: work.rule,
    query: work.query,
    ...(work.corpus !== undefined && { corpus: work.corpus }),
    size: work.size,
    ...(exceptions.length > 0 && { exceptions }),
    ...(work.base !== undefined && { base: work.base }),
    ...(work.from !== undefined && { from: work.from }),
  };
}

/**
 * Saves the workbench's work as it changes (see working-state.ts). A page that opened on the
 * seed rule saves nothing until something differs from how it opened, so an untouched visit
 * does not pin an old seed rule for later tabs.
 */
export function useSaveWorkingState(work: WorkbenchWork): void {
  const opened = useRef<string | null>(null);
  const state = work.rule === undefined ? undefined : toWorkingState({ ...work, rule: work.rule });
  const text = state === undefined ? undefined : JSON.stringify(state);
  if (text !== undefined && opened.current === null) opened.current = text;
  const restored = work.restored;
  useEffect(() => {
    if (text === undefined || (!restored && text === opened.current)) return;
    const timer = setTimeout(() => saveWorkingState(JSON.parse(text) as WorkingState), SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, restored]);
}

/**
 * The browser asks before leaving while the rule has edits not saved to the library (its
 * metadata: the query is kept across reloads anyway, and asking on every query edit would
 * nag). The saved work brings them back after a reload; this covers closing the tab.
 */
export function useWarnOnUnsavedRule(): void {
  const { opened } = useRuleSession();
  const unsaved = opened !== null && opened.draft !== opened.base && isDirty(opened.base, opened.draft);
  useEffect(() => {
    if (!unsaved) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [unsaved]);
}

/** "Start over": forget the saved work and open the seed rule on a fresh page. */
export function startOver(): void {
  clearWorkingState();
  window.location.replace('/');
}
