import type { SourceRange } from '@rulebench/eql';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useCorpora } from '../features/corpora/api/get-corpora.js';
import { CorpusPicker } from '../features/corpora/components/CorpusPicker.js';
import { QueryEditor, type QueryEditorController } from '../features/editor/components/QueryEditor.js';
import { QueryStatus } from '../features/editor/components/QueryStatus.js';
import { diagnose } from '../features/editor/diagnose.js';
import { Guide } from '../features/guide/components/Guide.js';
import { useDefaultRule } from '../features/rule/api/get-default-rule.js';
import { RuleHeader } from '../features/rule/components/RuleHeader.js';
import { useSearch } from '../features/search/api/search-events.js';
import type { SelectedHit } from '../features/search/components/MatchList.js';
import { RunControls } from '../features/search/components/RunControls.js';
import { DEFAULT_SIZE, type SearchRequest } from '../features/search/types.js';
import { useTheme } from '../lib/theme.js';
import { ErrorBoundary } from './ErrorBoundary.js';
import { EventPanel } from './EventPanel.js';
import { ResultsPanel } from './ResultsPanel.js';
import { ThemeToggle } from './ThemeToggle.js';
import { useFieldCatalog } from './use-field-catalog.js';

/** How long typing must pause before a live run. */
const LIVE_DELAY_MS = 350;

function sameRequest(a: SearchRequest | null, b: SearchRequest): boolean {
  return a !== null && a.corpus === b.corpus && a.query === b.query && a.size === b.size;
}

export function Workbench() {
  const theme = useTheme();
  const rule = useDefaultRule();
  const corpora = useCorpora();
  const [chosenCorpus, setChosenCorpus] = useState<string>();
  const corpus = chosenCorpus ?? corpora.data?.[0]?.id;
  const [size, setSize] = useState(DEFAULT_SIZE);
  const [live, setLive] = useState(false);

  const initialQuery = rule.data?.query.trim() ?? '';
  const [edited, setEdited] = useState<string | null>(null);
  const queryText = edited ?? initialQuery;
  const queryRef = useRef(queryText);
  queryRef.current = queryText;
  const diagnosed = useMemo(() => ({ text: queryText, diagnostics: diagnose(queryText) }), [queryText]);
  const catalog = useFieldCatalog(corpus);
  const editor = useRef<QueryEditorController | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    if (notice === null) return;
    const timer = setTimeout(() => setNotice(null), 4000);
    return () => clearTimeout(timer);
  }, [notice]);

  const [submitted, setSubmitted] = useState<SearchRequest | null>(null);
  const search = useSearch(submitted);
  const [selected, setSelected] = useState<SelectedHit | null>(null);

  const run = useCallback(() => {
    if (corpus === undefined) return;
    const request: SearchRequest = { corpus, query: queryRef.current, size };
    if (sameRequest(submitted, request)) void search.refetch();
    else setSubmitted(request);
  }, [corpus, size, submitted, search.refetch]);

  // Live mode: run once typing pauses, but only queries that parse (errors show as markers).
  useEffect(() => {
    if (!live || corpus === undefined || rule.data === undefined || diagnosed.diagnostics.length > 0) return;
    const timer = setTimeout(() => {
      setSubmitted((current) => {
        const request = { corpus, query: diagnosed.text, size };
        return sameRequest(current, request) ? current : request;
      });
    }, LIVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [live, corpus, size, diagnosed, rule.data]);

  // Ctrl/Cmd+Enter anywhere on the page runs too (the editor handles its own copy of the key).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return;
      if (e.target instanceof Element && e.target.closest('.monaco-editor')) return;
      e.preventDefault();
      run();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [run]);

  const highlight = useCallback((range: SourceRange | null) => editor.current?.highlight(range), []);
  const editedSinceRun = submitted !== null && submitted.query !== queryText;

  return (
    <div className="flex h-full min-w-[1024px] flex-col">
      <header className="flex items-start gap-4 border-b border-slate-200 bg-white px-4 py-2 dark:border-slate-800 dark:bg-slate-900">
        <div className="flex shrink-0 items-center gap-2 pt-0.5">
          <span aria-hidden className="grid size-6 place-items-center rounded bg-sky-700 text-xs font-bold text-white">
            R
          </span>
          <span className="text-sm font-semibold tracking-tight text-slate-700 dark:text-slate-300">Rulebench</span>
        </div>
        {rule.data ? (
          <RuleHeader rule={rule.data} />
        ) : (
          <div className="flex-1 text-sm text-slate-500">
            {rule.isError ? `Could not load the rule: ${rule.error.message}` : 'Loading rule…'}
          </div>
        )}
        <ThemeToggle choice={theme.choice} onChange={theme.setChoice} />
      </header>

      <section aria-label="Query" className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <div className="flex flex-wrap items-center gap-x-5 gap-y-1 px-4 py-1.5">
          <CorpusPicker
            corpora={corpora.data ?? []}
            value={corpus}
            onChange={setChosenCorpus}
            disabled={corpora.isPending}
          />
          <RunControls
            size={size}
            onSizeChange={setSize}
            onRun={run}
            canRun={corpus !== undefined && rule.data !== undefined}
            running={search.isFetching}
            live={live}
            onLiveChange={setLive}
          />
          {corpora.isError && <span className="text-xs text-red-700">Could not load corpora: {corpora.error.message}</span>}
          <div className="ml-auto flex items-center gap-2">
            <button
              type="button"
              className="btn"
              onClick={() => editor.current?.format()}
              disabled={!rule.data}
              title="Format the query (Shift+Alt+F)"
            >
              Format
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => editor.current?.setText(initialQuery)}
              disabled={!rule.data || queryText === initialQuery}
              title="Put the rule's own query back (undo with Ctrl+Z)"
            >
              Reset
            </button>
          </div>
        </div>
        <div className="border-t border-slate-100 dark:border-slate-800">
          {rule.data ? (
            <ErrorBoundary label="The query editor">
              <QueryEditor
                initialValue={initialQuery}
                onChange={setEdited}
                onRun={run}
                diagnosed={diagnosed}
                catalog={catalog}
                dark={theme.dark}
                controllerRef={editor}
                onNotice={setNotice}
              />
            </ErrorBoundary>
          ) : (
            <div data-testid="query-editor" className="h-24" />
          )}
        </div>
        <QueryStatus diagnostics={diagnosed.diagnostics} editedSinceRun={editedSinceRun && !live} notice={notice} />
      </section>

      <main className="grid min-h-0 flex-1 grid-cols-[minmax(0,1.15fr)_minmax(0,1fr)_minmax(0,1.1fr)] gap-2 p-2">
        <ResultsPanel
          search={search}
          submitted={submitted}
          selectedKey={selected?.key}
          onSelect={setSelected}
          onHighlight={highlight}
        />
        <EventPanel selected={selected} query={queryText} onHighlight={highlight} />
        <section aria-label="Investigation guide" className="panel">
          <h2 className="panel-header">Investigation guide</h2>
          <ErrorBoundary label="The investigation guide">
            <Guide note={rule.data?.note} setup={rule.data?.setup} />
          </ErrorBoundary>
        </section>
      </main>
    </div>
  );
}
