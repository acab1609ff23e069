import { useEffect, useMemo } from 'react';
import type { Rule as WorkbenchRule } from '../../rule/types.js';
import { asRuleModel, isReplayable, toWorkbenchRule } from '../rule-draft.js';
import { useRuleSession } from './rule-session.js';

/** The rule the page loads by itself (the seed rule, or a fork's), as a query result. */
export interface PageRule {
  readonly data: WorkbenchRule | undefined;
  readonly isError: boolean;
  readonly error: Error | null;
}

interface CurrentRuleBase {
  readonly data: WorkbenchRule | undefined;
  /** Changes when the query editor must start over from `data.query`. */
  readonly loadKey: number;
  /** False for rules other than EQL: they open and edit, but cannot run over events. */
  readonly replayable: boolean;
}

export type CurrentRule = CurrentRuleBase &
  ({ readonly isError: true; readonly error: Error } | { readonly isError: false; readonly error: null });

/**
 * The rule the workbench shows and runs: the draft of the rule opened from the library, else the
 * page's own rule. The page's rule is taken over as soon as the library says whether it is its
 * default entry (same rule_id: saving it then works like saving that entry).
 */
export function useCurrentRule(page: PageRule): CurrentRule {
  const session = useRuleSession();
  const { adopt, defaultEntry } = session;
  const pageRule = page.data;
  useEffect(() => {
    if (pageRule === undefined || defaultEntry === undefined) return;
    const model = asRuleModel(pageRule);
    adopt(pageRule, defaultEntry?.rule.rule_id === model.rule_id ? defaultEntry : null, model);
  }, [pageRule, defaultEntry, adopt]);

  const draft = session.opened?.draft;
  const data = useMemo(() => (draft ? toWorkbenchRule(draft) : pageRule), [draft, pageRule]);
  const base = { data, loadKey: session.loadKey, replayable: data === undefined || isReplayable(data) };
  if (!draft && page.isError && page.error) return { ...base, isError: true, error: page.error };
  return { ...base, isError: false, error: null };
}
