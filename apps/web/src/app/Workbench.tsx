import { parseWithDiagnostics, type SourceRange } from '@rulebench/eql';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useCorpora } from '../features/corpora/api/get-corpora.js';
import { CorpusPicker } from '../features/corpora/components/CorpusPicker.js';
import { fieldValuesQueryOptions } from '../features/editor/api/get-field-values.js';
import type { QueryEditorController } from '../features/editor/components/QueryEditor.js';
import { QueryStatus } from '../features/editor/components/QueryStatus.js';
import { diagnoseWithSchema, isError } from '../features/editor/diagnose.js';
import { EMPTY_ENTRY } from '../features/exceptions/components/ExceptionsView.js';
import type { ExceptionEntry } from '../features/exceptions/exception-match.js';
import { previewItems } from '../features/exceptions/rule-exceptions.js';
import { Guide } from '../features/guide/components/Guide.js';
import { RuleHeader } from '../features/rule/components/RuleHeader.js';
import { NotReplayable } from '../features/rule-editor/components/NotReplayable.js';
import { RuleWorkspaceControls } from '../features/rule-editor/components/RuleWorkspaceControls.js';
import { useCurrentRule } from '../features/rule-editor/session/use-current-rule.js';
import { useRuleValidation } from '../features/rule-editor/session/use-rule-validation.js';
import { useSearch } from '../features/search/api/search-events.js';
import type { SelectedHit } from '../features/search/components/MatchList.js';
import { RunControls } from '../features/search/components/RunControls.js';
import { DEFAULT_SIZE, type SearchRequest } from '../features/search/types.js';
import { ShareMenu } from '../features/share/components/ShareMenu.js';
import { useWorkbenchRule } from '../features/share/use-workbench-rule.js';
import { startOver, useSaveWorkingState, useWarnOnUnsavedRule } from '../features/share/use-working-state.js';
import type { WorkbenchSeed } from '../features/share/workbench-seed.js';
import { useTheme } from '../lib/theme.js';
import { ErrorBoundary } from './ErrorBoundary.js';
import { EventPanel } from './EventPanel.js';
import { Placeholder } from './Placeholder.js';
import { QueryPreview } from './QueryPreview.js';
import { ResultsPanel } from './ResultsPanel.js';
import { SkeletonControl, SkeletonRuleHeader, SkeletonText } from './Skeleton.js';
import { ThemeToggle } from './ThemeToggle.js';
import { TrainerMode } from './TrainerMode.js';
import { trainerSteps } from './trainer-steps.js';
import { useFieldCatalog } from './use-field-catalog.js';

/**
 * Live mode runs a query this long after the last keystroke, or as soon as the search in flight
 * answers, whichever is later: bursts (a paste, an auto-closed quote) coalesce, and typing never
 * queues up searches the screen has moved past.
 */
const LIVE_DELAY_MS = 40;

// Monaco is most of the bundle: the page paints first (the query shown read-only), and the
// editor's chunk starts downloading as the workbench mounts, alongside the API calls.
const loadQueryEditor = () =>
  import('../features/editor/components/QueryEditor.js').then((m) => ({ default: m.QueryEditor }));
const QueryEditor = lazy(loadQueryEditor);

function sameRequest(a: SearchRequest | null, b: SearchRequest): boolean {
  return a !== null && a.corpus === b.corpus && a.query === b.query && a.size === b.size;
}

/** `seed`: the state a fork opens with (an editable copy of a shared link). */
export function Workbench({ seed }: { readonly seed?: WorkbenchSeed | undefined } = {}) {
  const theme = useTheme();
  useEffect(() => void loadQueryEditor(), []);
  const rule = useCurrentRule(useWorkbenchRule(seed));
  const corpora = useCorpora();
  const [chosenCorpus, setChosenCorpus] = useState<string | undefined>(seed?.corpus);
  // A chosen corpus that is gone (deleted) falls back to the first one.
  const corpus = corpora.data?.some((c) => c.id === chosenCorpus) ? chosenCorpus : corpora.data?.[0]?.id;
  const [size, setSize] = useState(seed?.size ?? DEFAULT_SIZE);
  const [live, setLive] = useState(false);
  // The exception being previewed is workbench state, not the results panel's: links carry it.
  const [exceptionDraft, setExceptionDraft] = useState<readonly ExceptionEntry[]>(
    seed?.exceptions ?? [EMPTY_ENTRY],
  );
  const previewedExceptions = useMemo(() => previewItems(exceptionDraft), [exceptionDraft]);

  const initialQuery = rule.data?.query.trim() ?? '';
  const [edited, setEdited] = useState<string | null>(seed?.query ?? null);
  const queryText = edited ?? initialQuery;
  // Opening another rule (or reverting its edits) starts the editor over from that rule's query.
  const [loadedRule, setLoadedRule] = useState(rule.loadKey);
  if (loadedRule !== rule.loadKey) {
    setLoadedRule(rule.loadKey);
    setEdited(null);
  }
  const validation = useRuleValidation(queryText);
  const queryRef = useRef(queryText);
  queryRef.current = queryText;
  const { catalog, ready: catalogReady } = useFieldCatalog(corpus);
  const ruleLoaded = rule.data !== undefined;
  // Before the rule arrives there is no query to judge (an empty one would flash an error).
  const diagnosed = useMemo(
    () => ({
      text: queryText,
      diagnostics: ruleLoaded ? diagnoseWithSchema(queryText, catalogReady ? catalog : null) : [],
    }),
    [queryText, catalog, catalogReady, ruleLoaded],
  );
  const fieldNames = useMemo(
    () => [...catalog.values()].filter((f) => f.corpus !== undefined).map((f) => f.name),
    [catalog],
  );
  const queryClient = useQueryClient();
  const valuesFor = useCallback(
    (field: string) =>
      corpus === undefined
        ? Promise.resolve(undefined)
        : queryClient.fetchQuery(fieldValuesQueryOptions(corpus, field)),
    [corpus, queryClient],
  );
  const editor = useRef<QueryEditorController | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    if (notice === null) return;
    const timer = setTimeout(() => setNotice(null), 4000);
    return () => clearTimeout(timer);
  }, [notice]);

  const [submitted, setSubmitted] = useState<SearchRequest | null>(() =>
    seed?.corpus === undefined
      ? null
      : { corpus: seed.corpus, query: seed.query, size: seed.size ?? DEFAULT_SIZE },
  );
  const search = useSearch(submitted);
  const [selected, setSelected] = useState<SelectedHit | null>(seed?.selected ?? null);
  const [training, setTraining] = useState(false);
  // Sample results arrive as `hits.sequences` too: the query says which they are.
  const trainer = useMemo(() => {
    const body = submitted ? parseWithDiagnostics(submitted.query).ast?.body : undefined;
    return trainerSteps(search.data, body?.kind === 'Sample' ? 'sample' : 'sequence');
  }, [search.data, submitted]);
  // Switching corpus re-runs the last search there (its events, not the old corpus's, are shown).
  const chooseCorpus = useCallback((id: string) => {
    setChosenCorpus(id);
    setSelected(null);
    setSubmitted((current) =>
      current === null || current.corpus === id ? current : { ...current, corpus: id },
    );
  }, []);

  const run = useCallback(() => {
    if (corpus === undefined) return;
    const request: SearchRequest = { corpus, query: queryRef.current, size };
    if (sameRequest(submitted, request)) void search.refetch();
    else setSubmitted(request);
  }, [corpus, size, submitted, search.refetch]);

  // Live mode: run queries that parse (errors show as markers), one search in flight at a time;
  // when it answers, this runs again and catches up with the text as it is by then.
  const searching = search.isFetching;
  useEffect(() => {
    if (
      !live ||
      corpus === undefined ||
      rule.data === undefined ||
      !rule.replayable ||
      diagnosed.diagnostics.some(isError)
    )
      return;
    if (searching) return;
    const timer = setTimeout(() => {
      setSubmitted((current) => {
        const request = { corpus, query: diagnosed.text, size };
        return sameRequest(current, request) ? current : request;
      });
    }, LIVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [live, corpus, size, diagnosed, rule.data, rule.replayable, searching]);

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
  // The status line counts everything the editor marks: the engine's findings and the rule's.
  const ruleQueryFindings = validation.queryDiagnosed;
  const statusDiagnostics = useMemo(
    () =>
      ruleQueryFindings && ruleQueryFindings.text === queryText
        ? [...diagnosed.diagnostics, ...ruleQueryFindings.diagnostics]
        : diagnosed.diagnostics,
    [diagnosed.diagnostics, ruleQueryFindings, queryText],
  );
  const editedSinceRun = submitted !== null && submitted.query !== queryText;
  const corpusInfo = corpora.data?.find((c) => c.id === corpus);
  // The work survives a reload (F5, a crash); the browser asks before unsaved rule edits go.
  useSaveWorkingState({
    rule: rule.data,
    query: queryText,
    corpus,
    size,
    exceptions: exceptionDraft,
    base: seed?.base,
    from: seed?.origin,
    restored: seed?.restored === true,
  });
  useWarnOnUnsavedRule();
  // Results stay on screen after an edit, marked: with Live off until Run, with Live on while the
  // query does not parse (the last good query's matches are the best there is).
  const staleResults = !editedSinceRun
    ? undefined
    : !live
      ? 'stale — press Run'
      : diagnosed.diagnostics.some(isError)
        ? 'stale — the query has errors'
        : undefined;

  return (
    <div className="flex h-full min-w-[1024px] flex-col">
      <header className="flex items-start gap-4 border-b border-slate-200 bg-white px-4 py-2 dark:border-slate-800 dark:bg-slate-900">
        <div className="flex shrink-0 items-center gap-2 pt-0.5">
          <span
            aria-hidden
            className="grid size-6 place-items-center rounded bg-sky-700 text-xs font-bold text-white"
          >
            R
          </span>
          <span className="text-sm font-semibold tracking-tight text-slate-700 dark:text-slate-300">
            Rulebench
          </span>
        </div>
        {rule.data ? (
          <RuleHeader rule={rule.data} />
        ) : rule.isError ? (
          <div role="alert" className="flex-1 text-sm text-red-700 dark:text-red-400">
            Could not load the rule: {rule.error.message}
          </div>
        ) : (
          <SkeletonRuleHeader />
        )}
        <ShareMenu
          state={
            rule.data && {
              rule: rule.data,
              query: queryText,
              corpus,
              corpusName: corpusInfo?.name,
              size,
              selected,
              response: search.isError ? undefined : search.data,
              exceptions: previewedExceptions,
            }
          }
          base={seed?.base}
          editedSinceRun={editedSinceRun}
          corpus={corpusInfo}
        />
        <RuleWorkspaceControls validation={validation} />
        <ThemeToggle choice={theme.choice} onChange={theme.setChoice} />
      </header>

      <section
        aria-label="Query"
        className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
      >
        <div className="flex flex-wrap items-center gap-x-5 gap-y-1 px-4 py-1.5">
          {corpora.isPending ? (
            <SkeletonControl label="Loading corpora" />
          ) : (
            <CorpusPicker corpora={corpora.data ?? []} value={corpus} onChange={chooseCorpus} />
          )}
          <RunControls
            size={size}
            onSizeChange={setSize}
            onRun={run}
            canRun={corpus !== undefined && rule.data !== undefined && rule.replayable}
            cannotRunReason={rule.replayable ? undefined : 'Only EQL rules can be replayed over events'}
            running={search.isFetching}
            live={live}
            onLiveChange={setLive}
          />
          {corpora.isError && (
            <span className="text-xs text-red-700">Could not load corpora: {corpora.error.message}</span>
          )}
          <div className="ml-auto flex items-center gap-2">
            <button
              type="button"
              className="btn"
              onClick={() => setTraining(true)}
              disabled={!rule.data || trainer.length === 0}
              title="Full-screen guide beside each match; step with the arrow keys"
            >
              Trainer mode
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => editor.current?.format()}
              disabled={!rule.data || !rule.replayable}
              title={
                rule.replayable
                  ? 'Format the query (Shift+Alt+F)'
                  : 'Only EQL queries can be formatted; this rule is not EQL'
              }
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
            <button
              type="button"
              className="btn"
              data-testid="start-over"
              onClick={startOver}
              title="Reset to the seed: forget this tab's saved work (rule edits, query, corpus, options) and open the seed rule"
            >
              Start over
            </button>
          </div>
        </div>
        <div className="border-t border-slate-100 dark:border-slate-800">
          {rule.data && !rule.replayable ? (
            <NotReplayable rule={rule.data} />
          ) : rule.data ? (
            <ErrorBoundary label="The query editor">
              <Suspense fallback={<QueryPreview text={queryText} />}>
                <QueryEditor
                  loading={<QueryPreview text={queryText} />}
                  key={rule.loadKey}
                  initialValue={queryText}
                  ruleFindings={validation.queryDiagnosed}
                  onChange={setEdited}
                  onRun={run}
                  diagnosed={diagnosed}
                  catalog={catalog}
                  valuesFor={valuesFor}
                  dark={theme.dark}
                  controllerRef={editor}
                  onNotice={setNotice}
                />
              </Suspense>
            </ErrorBoundary>
          ) : rule.isError ? (
            <div className="h-24" />
          ) : (
            <SkeletonText label="Loading the query" lines={4} className="h-24 px-4 py-2.5" />
          )}
        </div>
        <QueryStatus
          loading={!ruleLoaded || !rule.replayable}
          diagnostics={statusDiagnostics}
          editedSinceRun={editedSinceRun && !live}
          notice={notice}
        />
      </section>

      <main className="grid min-h-0 flex-1 grid-cols-[minmax(0,1.15fr)_minmax(0,1fr)_minmax(0,1.1fr)] gap-2 p-2">
        <ResultsPanel
          search={search}
          submitted={submitted}
          selectedKey={selected?.key}
          onSelect={setSelected}
          onHighlight={highlight}
          rule={rule.data}
          corpus={corpora.data?.find((c) => c.id === corpus)}
          fields={fieldNames}
          exceptionDraft={exceptionDraft}
          onExceptionDraftChange={setExceptionDraft}
          stale={staleResults}
        />
        <EventPanel selected={selected} query={queryText} onHighlight={highlight} />
        <section aria-label="Investigation guide" className="panel">
          <h2 className="panel-header">Investigation guide</h2>
          <ErrorBoundary label="The investigation guide">
            {rule.data ? (
              <Guide
                note={rule.data.note}
                setup={rule.data.setup}
                transform={rule.data.transform}
                source={selected?.hit._source}
              />
            ) : rule.isError ? (
              <Placeholder>No rule loaded.</Placeholder>
            ) : (
              <SkeletonText label="Loading the guide" lines={8} className="p-4" />
            )}
          </ErrorBoundary>
        </section>
      </main>
      {training && rule.data && (
        <TrainerMode rule={rule.data} steps={trainer} onClose={() => setTraining(false)} />
      )}
    </div>
  );
}
