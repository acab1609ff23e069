import type { RuleDetail, RuleListFilter } from '@rulebench/rules';
import { ATTACK_TACTICS } from '@rulebench/rules';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useDeferredValue, useEffect, useId, useRef, useState } from 'react';
import { ruleTypeName } from '../../rule-editor/rule-draft.js';
import { ruleQueryOptions } from '../api/get-rule.js';
import { ruleRevisionQueryOptions } from '../api/get-rule-revision.js';
import { useRules } from '../api/get-rules.js';
import { libraryFacets } from '../library-facets.js';
import { Drawer, DrawerHeader } from './Drawer.js';
import { ImportRules } from './ImportRules.js';
import { RuleEntryPanel } from './RuleEntryPanel.js';
import { RuleRow } from './RuleRow.js';

interface RuleLibraryProps {
  /** The library entry open in the workbench. */
  readonly currentId: string | undefined;
  /** Whether the open rule has unsaved edits (opening another one would drop them). */
  readonly dirty: boolean;
  readonly onOpen: (entry: RuleDetail) => void;
  /** A user entry was deleted (the workbench may have it open). */
  readonly onDeleted?: (id: string) => void;
  readonly onClose: () => void;
}

/** The rule library: search and filter the stored rules, open one (or an older revision), import more, delete. */
export function RuleLibrary({ currentId, dirty, onOpen, onDeleted, onClose }: RuleLibraryProps) {
  const client = useQueryClient();
  const ids = useId();
  const [text, setText] = useState('');
  const [tag, setTag] = useState('');
  const [tactic, setTactic] = useState('');
  const [type, setType] = useState('');
  const [source, setSource] = useState<'' | 'bundled' | 'user'>('');
  const q = useDeferredValue(text);
  const filter: RuleListFilter = {
    q,
    tag,
    tactic,
    type,
    ...(source ? { source } : {}),
  };
  const all = useRules({});
  const list = useRules(filter);
  const facets = libraryFacets(all.data?.rules ?? []);
  const [pending, setPending] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<RuleDetail | null>(null);
  const keepEditing = useRef<HTMLButtonElement>(null);
  // The question takes focus when it appears: a keyboard user answers it first.
  useEffect(() => {
    if (confirming) keepEditing.current?.focus();
  }, [confirming]);
  const [openError, setOpenError] = useState<string | null>(null);

  const [expanded, setExpanded] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  /** Opens an entry, at its latest revision unless one is given; unsaved edits are asked about. */
  const openId = async (id: string, revision?: number) => {
    setPending(id);
    setOpenError(null);
    try {
      const detail =
        revision === undefined
          ? await client.fetchQuery({ ...ruleQueryOptions(id), staleTime: 0 })
          : await client.fetchQuery(ruleRevisionQueryOptions(id, revision));
      if (dirty && (id !== currentId || revision !== undefined)) setConfirming(detail);
      else onOpen(detail);
    } catch (error) {
      setOpenError(`Could not open the rule: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setPending(null);
    }
  };

  const filtered = q !== '' || tag !== '' || tactic !== '' || type !== '' || source !== '';
  const rules = list.data?.rules ?? [];

  return (
    <Drawer side="left" label="Rule library" testId="rule-library" width="w-[520px]" modal onClose={onClose}>
      <DrawerHeader title="Rule library" onClose={onClose} />
      <ImportRules onOpen={(id) => void openId(id)} />
      <div className="space-y-2 border-b border-slate-200 px-4 py-3 dark:border-slate-800">
        <label htmlFor={`${ids}-q`} className="sr-only">
          Search rules
        </label>
        <input
          id={`${ids}-q`}
          data-autofocus
          data-testid="library-search"
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="Search name, tag, tactic or technique (T1047, Execution)…"
          className="field-control w-full"
        />
        <div className="grid grid-cols-4 gap-2 text-xs">
          <Select label="Tag" value={tag} onChange={setTag} testId="library-tag">
            {facets.tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </Select>
          <Select label="Tactic" value={tactic} onChange={setTactic} testId="library-tactic">
            {Object.entries(ATTACK_TACTICS).map(([id, name]) => (
              <option key={id} value={id}>
                {id} {name}
              </option>
            ))}
          </Select>
          <Select label="Type" value={type} onChange={setType} testId="library-type">
            {facets.types.map((t) => (
              <option key={t} value={t}>
                {ruleTypeName(t)}
              </option>
            ))}
          </Select>
          <Select
            label="Source"
            value={source}
            onChange={(v) => setSource(v as '' | 'bundled' | 'user')}
            testId="library-source"
          >
            <option value="bundled">Bundled</option>
            <option value="user">Imported / saved</option>
          </Select>
        </div>
      </div>
      {confirming && (
        <div
          role="alertdialog"
          aria-labelledby={`${ids}-confirm`}
          className="flex items-center gap-2 border-b border-amber-300 bg-amber-50 px-4 py-2 text-xs text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
        >
          <p id={`${ids}-confirm`} className="flex-1">
            The open rule has unsaved changes. Open “{confirming.name}” and drop them?
          </p>
          <button
            type="button"
            className="btn"
            ref={keepEditing}
            onClick={() => {
              setConfirming(null);
              document.querySelector<HTMLElement>('[data-testid="library-search"]')?.focus();
            }}
          >
            Keep editing
          </button>
          <button
            type="button"
            className="btn"
            data-testid="confirm-discard"
            onClick={() => {
              onOpen(confirming);
              setConfirming(null);
            }}
          >
            Discard and open
          </button>
        </div>
      )}
      {notice && (
        <p
          role="status"
          data-testid="library-notice"
          className="px-4 py-2 text-xs text-slate-700 dark:text-slate-300"
        >
          {notice}
        </p>
      )}
      {openError && (
        <p role="alert" className="px-4 py-2 text-xs text-red-700 dark:text-red-400">
          {openError}
        </p>
      )}
      <p
        data-testid="library-count"
        aria-live="polite"
        className="px-4 pt-2 text-[11px] text-slate-500 dark:text-slate-400"
      >
        {list.isError
          ? `Could not load the library: ${list.error.message}`
          : list.data
            ? `${list.data.total} rule${list.data.total === 1 ? '' : 's'}${filtered ? ' match' : ''}`
            : 'Loading…'}
      </p>
      <ul
        aria-label="Rules"
        aria-busy={list.isFetching || pending !== null}
        className="min-h-0 flex-1 overflow-y-auto pb-4"
      >
        {rules.map((rule) => (
          <RuleRow
            key={rule.id}
            rule={rule}
            current={rule.id === currentId}
            onOpen={(r) => void openId(r.id)}
            expanded={expanded === rule.id}
            onToggle={() => setExpanded(expanded === rule.id ? null : rule.id)}
            panel={(id) => (
              <RuleEntryPanel
                id={id}
                rule={rule}
                onOpenRevision={(revision) =>
                  void openId(rule.id, revision === rule.revision ? undefined : revision)
                }
                onDeleted={(deleted) => {
                  setExpanded(null);
                  setNotice(
                    `Deleted “${rule.name}”.${deleted === currentId ? ' The workbench keeps it open as an unsaved rule.' : ''}`,
                  );
                  onDeleted?.(deleted);
                  // The row is gone: focus goes to the search box rather than to nowhere.
                  document.querySelector<HTMLElement>('[data-testid="library-search"]')?.focus();
                }}
              />
            )}
          />
        ))}
        {list.data && rules.length === 0 && (
          <li className="px-4 py-6 text-center text-sm text-slate-500 dark:text-slate-400">
            No rule matches. Clear the filters, or import rules above.
          </li>
        )}
      </ul>
    </Drawer>
  );
}

interface SelectProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly testId: string;
  readonly children: ReactNode;
}

function Select({ label, value, onChange, testId, children }: SelectProps) {
  return (
    <label className="flex min-w-0 flex-col gap-0.5 text-slate-600 dark:text-slate-400">
      {label}
      <select
        data-testid={testId}
        className="field-control h-7 min-w-0 text-xs"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">Any</option>
        {children}
      </select>
    </label>
  );
}
