/**
 * The rule the workbench works on: which library entry it came from, the rule as loaded (or
 * last saved) and the draft being edited. The query text itself stays in the workbench's editor;
 * `loadKey` changes whenever the editor must start over from the rule's query (a rule opened,
 * edits reverted).
 */
import type { Rule, RuleDetail } from '@rulebench/rules';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useReducer, useState } from 'react';
import { useRule } from '../../rule-library/api/get-rule.js';
import { useRules } from '../../rule-library/api/get-rules.js';

export interface OpenedRule {
  /** The library entry, as loaded or last saved; null for a rule the library does not hold (a fork). */
  readonly entry: RuleDetail | null;
  readonly base: Rule;
  readonly draft: Rule;
}

interface State {
  readonly opened: OpenedRule | null;
  readonly loadKey: number;
  /** The page's own rule (seed rule or fork) last taken over, so each is taken over once. */
  readonly adoptedFrom: unknown;
}

type Action =
  | { readonly type: 'open'; readonly entry: RuleDetail }
  | {
      readonly type: 'adopt';
      readonly source: object;
      readonly entry: RuleDetail | null;
      readonly rule: Rule;
    }
  | { readonly type: 'update'; readonly edit: (draft: Rule) => Rule }
  | { readonly type: 'saved'; readonly entry: RuleDetail }
  | { readonly type: 'detach'; readonly id: string }
  | { readonly type: 'revert' };

export function sessionReducer(state: State, action: Action): State {
  switch (action.type) {
    case 'open':
      return {
        ...state,
        opened: { entry: action.entry, base: action.entry.rule, draft: action.entry.rule },
        loadKey: state.loadKey + 1,
      };
    case 'adopt':
      // The page already shows this rule, and its editor holds the query: the editor keeps its text.
      if (state.adoptedFrom === action.source) return state;
      return {
        ...state,
        adoptedFrom: action.source,
        opened: { entry: action.entry, base: action.entry?.rule ?? action.rule, draft: action.rule },
      };
    case 'update':
      if (!state.opened) return state;
      return { ...state, opened: { ...state.opened, draft: action.edit(state.opened.draft) } };
    case 'saved':
      return { ...state, opened: { entry: action.entry, base: action.entry.rule, draft: action.entry.rule } };
    case 'detach':
      // The open entry was deleted: the rule stays open, as one the library does not hold.
      if (state.opened?.entry?.id !== action.id) return state;
      return { ...state, opened: { ...state.opened, entry: null } };
    case 'revert':
      if (!state.opened) return state;
      return { ...state, opened: { ...state.opened, draft: state.opened.base }, loadKey: state.loadKey + 1 };
  }
}

export type RulePanel = 'library' | 'editor' | null;

export interface RuleSession {
  readonly opened: OpenedRule | null;
  readonly loadKey: number;
  readonly panel: RulePanel;
  /** The library's default entry: undefined while loading, null when the library cannot say. */
  readonly defaultEntry: RuleDetail | null | undefined;
  setPanel(panel: RulePanel): void;
  /** Take over the rule the page loaded by itself (`source` is that rule's object). */
  adopt(source: object, entry: RuleDetail | null, rule: Rule): void;
  /** Load a library entry into the workbench (its query replaces the editor's). */
  open(entry: RuleDetail): void;
  update(edit: (draft: Rule) => Rule): void;
  /** The entry as the server stored it after a save or "save as". */
  saved(entry: RuleDetail): void;
  /** The library entry `id` no longer exists (deleted). */
  detach(id: string): void;
  revert(): void;
}

const SessionContext = createContext<RuleSession | null>(null);

export function RuleSessionProvider({ children }: { children: ReactNode }) {
  const [state, dispatch] = useReducer(sessionReducer, { opened: null, loadKey: 0, adoptedFrom: undefined });
  const [panel, setPanel] = useState<RulePanel>(null);

  // The page opens on the seed rule; it is the library's default entry, which "save" needs.
  const list = useRules({});
  const defaultId = list.data?.rules.find((r) => r.default)?.id;
  const detail = useRule(defaultId);
  const defaultEntry =
    detail.data ??
    (list.isError || detail.isError || (list.data !== undefined && defaultId === undefined)
      ? null
      : undefined);

  const open = useCallback((entry: RuleDetail) => dispatch({ type: 'open', entry }), []);
  const adopt = useCallback(
    (source: object, entry: RuleDetail | null, rule: Rule) =>
      dispatch({ type: 'adopt', source, entry, rule }),
    [],
  );
  const update = useCallback((edit: (draft: Rule) => Rule) => dispatch({ type: 'update', edit }), []);
  const saved = useCallback((entry: RuleDetail) => dispatch({ type: 'saved', entry }), []);
  const detach = useCallback((id: string) => dispatch({ type: 'detach', id }), []);
  const revert = useCallback(() => dispatch({ type: 'revert' }), []);

  const value = useMemo<RuleSession>(
    () => ({
      opened: state.opened,
      loadKey: state.loadKey,
      panel,
      defaultEntry,
      setPanel,
      adopt,
      open,
      update,
      saved,
      detach,
      revert,
    }),
    [state, panel, defaultEntry, adopt, open, update, saved, detach, revert],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useRuleSession(): RuleSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useRuleSession needs a <RuleSessionProvider> above it');
  return session;
}
