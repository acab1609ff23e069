import type { Finding, Rule, RuleDetail } from '@rulebench/rules';
import { type KeyboardEvent, useId, useMemo, useRef, useState } from 'react';
import { useRules } from '../../rule-library/api/get-rules.js';
import { Drawer, DrawerHeader } from '../../rule-library/components/Drawer.js';
import { libraryFacets } from '../../rule-library/library-facets.js';
import { techniqueCatalog } from '../attack.js';
import { countFindings, type EditorTab, tabOf } from '../findings.js';
import type { OpenedRule } from '../session/rule-session.js';
import type { RuleValidation } from '../session/use-rule-validation.js';
import { AllFieldsTab } from './AllFieldsTab.js';
import { AttackTab } from './AttackTab.js';
import { DetailsTab } from './DetailsTab.js';
import { MarkdownTab } from './MarkdownTab.js';
import { QueryTab } from './QueryTab.js';
import { SaveBar } from './SaveBar.js';

const TABS: readonly { readonly id: EditorTab; readonly label: string }[] = [
  { id: 'details', label: 'Details' },
  { id: 'query', label: 'Query & schedule' },
  { id: 'attack', label: 'ATT&CK' },
  { id: 'guide', label: 'Investigation guide' },
  { id: 'setup', label: 'Setup' },
  { id: 'all', label: 'All fields' },
];

interface RuleEditorProps {
  readonly opened: OpenedRule;
  readonly validation: RuleValidation;
  readonly update: (edit: (draft: Rule) => Rule) => void;
  readonly onSaved: (entry: RuleDetail) => void;
  readonly onRevert: () => void;
  readonly onClose: () => void;
}

function Badge({ findings }: { findings: readonly Finding[] }) {
  const counts = countFindings(findings);
  if (counts.error + counts.warning === 0) return null;
  const error = counts.error > 0;
  return (
    <span
      className={`ml-1 rounded-full px-1.5 text-[10px] font-semibold leading-4 ${error ? 'bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300' : 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200'}`}
    >
      {counts.error + counts.warning}
      <span className="sr-only"> {error ? 'errors or warnings' : 'warnings'}</span>
    </span>
  );
}

/** Every field of the open rule, findings beside them, and save / download at the bottom. */
export function RuleEditor({ opened, validation, update, onSaved, onRevert, onClose }: RuleEditorProps) {
  const [tab, setTab] = useState<EditorTab>('details');
  const ids = useId();
  const tabRefs = useRef(new Map<EditorTab, HTMLButtonElement>());
  const library = useRules({});
  const facets = useMemo(() => libraryFacets(library.data?.rules ?? []), [library.data]);
  const catalog = useMemo(
    () =>
      techniqueCatalog(
        (library.data?.rules ?? []).map((r) => r.techniques),
        opened.draft.threat,
      ),
    [library.data, opened.draft.threat],
  );
  const byTab = useMemo(() => {
    const out = new Map<EditorTab, Finding[]>();
    for (const f of validation.findings) {
      const t = tabOf(f);
      out.set(t, [...(out.get(t) ?? []), f]);
    }
    return out;
  }, [validation.findings]);
  const counts = countFindings(validation.findings);
  const props = { draft: opened.draft, base: opened.base, findings: validation.findings, update };

  const onTabKey = (e: KeyboardEvent) => {
    const index = TABS.findIndex((t) => t.id === tab);
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    e.preventDefault();
    const next = TABS[(index + step + TABS.length) % TABS.length];
    if (!next) return;
    setTab(next.id);
    tabRefs.current.get(next.id)?.focus();
  };

  return (
    <Drawer
      side="right"
      label="Rule editor"
      testId="rule-editor"
      width="w-[min(760px,64vw)]"
      modal={false}
      onClose={onClose}
    >
      <DrawerHeader title="Edit rule" onClose={onClose}>
        <span data-testid="editor-findings-summary" className="text-xs text-slate-600 dark:text-slate-400">
          {counts.error} error{counts.error === 1 ? '' : 's'}, {counts.warning} warning
          {counts.warning === 1 ? '' : 's'}
        </span>
        {validation.dirty && (
          <span
            data-testid="editor-dirty"
            className="rounded bg-amber-100 px-1.5 text-xs font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-200"
          >
            unsaved
          </span>
        )}
      </DrawerHeader>
      <div
        role="tablist"
        aria-label="Rule fields"
        className="flex shrink-0 gap-1 overflow-x-auto border-b border-slate-200 px-3 dark:border-slate-800"
      >
        {TABS.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              if (el) tabRefs.current.set(t.id, el);
              else tabRefs.current.delete(t.id);
            }}
            type="button"
            role="tab"
            id={`${ids}-tab-${t.id}`}
            aria-controls={`${ids}-panel`}
            aria-selected={tab === t.id}
            tabIndex={tab === t.id ? 0 : -1}
            data-autofocus={tab === t.id ? true : undefined}
            onKeyDown={onTabKey}
            onClick={() => setTab(t.id)}
            className={`-mb-px whitespace-nowrap border-b-2 px-2.5 py-2 text-sm ${tab === t.id ? 'border-sky-600 font-semibold text-sky-800 dark:border-sky-400 dark:text-sky-300' : 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100'}`}
          >
            {t.label}
            <Badge findings={byTab.get(t.id) ?? []} />
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${ids}-panel`}
        aria-labelledby={`${ids}-tab-${tab}`}
        className="min-h-0 flex-1 overflow-y-auto px-4 py-3"
      >
        {tab === 'details' && <DetailsTab {...props} tagSuggestions={facets.tags} />}
        {tab === 'query' && <QueryTab {...props} />}
        {tab === 'attack' && <AttackTab {...props} catalog={catalog} />}
        {tab === 'guide' && <MarkdownTab {...props} field="note" />}
        {tab === 'setup' && <MarkdownTab {...props} field="setup" />}
        {tab === 'all' && (
          <AllFieldsTab rule={validation.toSave ?? opened.draft} findings={byTab.get('all') ?? []} />
        )}
      </div>
      <SaveBar
        entry={opened.entry}
        rule={validation.toSave ?? opened.draft}
        dirty={validation.dirty}
        errorCount={counts.error}
        onSaved={onSaved}
        onRevert={onRevert}
      />
    </Drawer>
  );
}
