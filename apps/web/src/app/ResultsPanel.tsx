import type { SourceRange } from '@rulebench/eql';
import { parseWithDiagnostics } from '@rulebench/eql';
import type { UseQueryResult } from '@tanstack/react-query';
import { type ReactNode, useCallback, useId, useMemo, useState } from 'react';
import type { Corpus } from '../features/corpora/types.js';
import { EventsTable } from '../features/events-table/components/EventsTable.js';
import { ExceptionsView } from '../features/exceptions/components/ExceptionsView.js';
import type { ExceptionEntry } from '../features/exceptions/exception-match.js';
import { ruleExceptions, withRuleExceptions } from '../features/exceptions/rule-exceptions.js';
import { splitSuppressed } from '../features/exceptions/suppressed.js';
import { useNearMisses } from '../features/explain/api/get-near-misses.js';
import { NearMissList } from '../features/explain/components/NearMissList.js';
import type { Rule } from '../features/rule/types.js';
import { isReplayable, ruleTypeName } from '../features/rule-editor/rule-draft.js';
import { useRuleSession } from '../features/rule-editor/session/rule-session.js';
import { ScheduleView } from '../features/schedule/components/ScheduleView.js';
import { useAllMatches } from '../features/search/api/all-matches.js';
import { MatchList, type SelectedHit } from '../features/search/components/MatchList.js';
import { ResultSummary } from '../features/search/components/ResultSummary.js';
import { SearchError } from '../features/search/components/SearchError.js';
import type { EqlSearchResponse, SearchRequest } from '../features/search/types.js';
import { matchCount, shownCount } from '../lib/match-count.js';
import { plural } from '../lib/plural.js';
import { ErrorBoundary } from './ErrorBoundary.js';
import { Placeholder } from './Placeholder.js';
import { trainerEvents } from './TrainerMode.js';

type Tab = 'matches' | 'events' | 'near-misses' | 'exceptions' | 'schedule';
const TABS: readonly Tab[] = ['matches', 'events', 'near-misses', 'exceptions', 'schedule'];

interface ResultsPanelProps {
  readonly search: UseQueryResult<EqlSearchResponse, unknown>;
  readonly submitted: SearchRequest | null;
  readonly selectedKey: string | undefined;
  readonly onSelect: (selection: SelectedHit) => void;
  readonly onHighlight: (range: SourceRange | null) => void;
  readonly rule: Rule | undefined;
  readonly corpus: Corpus | undefined;
  /** Field names for the exception builder. */
  readonly fields: readonly string[];
  /** The exception being built (held by the workbench, so links carry it). */
  readonly exceptionDraft: readonly ExceptionEntry[];
  readonly onExceptionDraftChange: (entries: ExceptionEntry[]) => void;
  /** Why the results on screen no longer answer the query in the editor (kept, but marked). */
  readonly stale?: string | undefined;
}

function TabButton({
  id,
  active,
  onClick,
  children,
}: {
  id: string;
  active: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      role="tab"
      id={id}
      aria-selected={active}
      tabIndex={active ? 0 : -1}
      onClick={onClick}
      className={`-mb-px h-8 shrink-0 whitespace-nowrap border-b-2 px-0.5 text-xs font-semibold ${
        active
          ? 'border-sky-600 text-slate-900 dark:border-sky-400 dark:text-slate-100'
          : 'border-transparent text-slate-500 hover:text-slate-800 dark:text-slate-400 dark:hover:text-slate-200'
      }`}
    >
      {children}
    </button>
  );
}

export function ResultsPanel({
  search,
  submitted,
  selectedKey,
  onSelect,
  onHighlight,
  rule,
  corpus,
  fields,
  exceptionDraft,
  onExceptionDraftChange,
  stale,
}: ResultsPanelProps) {
  const [tab, setTab] = useState<Tab>('matches');
  const session = useRuleSession();
  const saved = useMemo(() => ruleExceptions(rule), [rule]);
  const editable = session.opened !== null;
  const setSaved = useCallback(
    (items: Parameters<typeof withRuleExceptions>[1]) =>
      session.update((draft) => withRuleExceptions(draft, items)),
    [session.update],
  );
  const ids = useId();
  const nearMisses = useNearMisses(
    submitted?.corpus,
    submitted?.query ?? '',
    tab === 'near-misses' && submitted !== null,
  );
  const shownResponse = search.isError ? undefined : search.data;
  // The schedule, the exceptions preview and the count net of the rule's exceptions need every
  // match, not the rows the Size box returned: those views ask for all of them.
  const all = useAllMatches(
    submitted,
    shownResponse,
    tab === 'schedule' || tab === 'exceptions' || saved.length > 0,
  );
  const complete = useMemo(
    () => (all.response ? splitSuppressed(all.response, saved) : undefined),
    [all.response, saved],
  );
  const onScreen = useMemo(
    () => (shownResponse ? splitSuppressed(shownResponse, saved) : undefined),
    [shownResponse, saved],
  );
  // What would alert: the matches less those the rule's exceptions suppress (counted over all).
  const response = useMemo(
    () =>
      onScreen && complete && saved.length > 0
        ? { ...onScreen.kept, matches: complete.kept.matches ?? matchCount(onScreen.kept) }
        : search.data,
    [onScreen, complete, saved.length, search.data],
  );
  const suppressedCount = complete?.count ?? 0;
  const showingOld = search.isPlaceholderData || (search.isFetching && !search.isPending);
  const switchTab = (next: Tab) => setTab(next);
  const maxspan = useMemo(() => {
    const body = submitted ? parseWithDiagnostics(submitted.query).ast?.body : undefined;
    return body?.kind === 'Sequence' && body.maxspan
      ? `${body.maxspan.value}${body.maxspan.unit}`
      : undefined;
  }, [submitted]);

  return (
    <section aria-label="Results" className="panel">
      <div className="flex min-h-8 shrink-0 items-center gap-3 border-b border-slate-200 px-3 dark:border-slate-800">
        <div
          role="tablist"
          aria-label="Results"
          className="flex min-w-0 items-center gap-x-3 overflow-x-auto"
          onKeyDown={(e) => {
            if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
            const step = e.key === 'ArrowRight' ? 1 : TABS.length - 1;
            const next = TABS[(TABS.indexOf(tab) + step) % TABS.length] ?? 'matches';
            switchTab(next);
            document.getElementById(`${ids}-${next}`)?.focus();
          }}
        >
          <TabButton id={`${ids}-matches`} active={tab === 'matches'} onClick={() => switchTab('matches')}>
            Matches
            {response && !search.isError && (
              <span className="ml-1 rounded-full bg-slate-200 px-1.5 text-[10px] text-slate-700 dark:bg-slate-700 dark:text-slate-200">
                {matchCount(response).value}
              </span>
            )}
          </TabButton>
          <TabButton id={`${ids}-events`} active={tab === 'events'} onClick={() => switchTab('events')}>
            Events
          </TabButton>
          <TabButton
            id={`${ids}-near-misses`}
            active={tab === 'near-misses'}
            onClick={() => switchTab('near-misses')}
          >
            Near misses
          </TabButton>
          <TabButton
            id={`${ids}-exceptions`}
            active={tab === 'exceptions'}
            onClick={() => switchTab('exceptions')}
          >
            Exceptions
          </TabButton>
          <TabButton id={`${ids}-schedule`} active={tab === 'schedule'} onClick={() => switchTab('schedule')}>
            Schedule
          </TabButton>
        </div>
        {search.isFetching && (
          <span
            role="status"
            aria-label="Searching"
            className="ml-auto size-3 shrink-0 animate-spin rounded-full border-2 border-slate-300 border-t-sky-600"
          />
        )}
      </div>
      <div role="tabpanel" aria-labelledby={`${ids}-${tab}`} className="flex min-h-0 flex-1 flex-col">
        {tab === 'events' ? (
          <ErrorBoundary label="The events table">
            <EventsTable corpus={corpus} selectedKey={selectedKey} onSelect={onSelect} />
          </ErrorBoundary>
        ) : tab === 'exceptions' ? (
          <ExceptionsView
            matches={trainerEvents(all.response)}
            entries={exceptionDraft}
            onEntriesChange={onExceptionDraftChange}
            fields={fields}
            selectedKey={selectedKey}
            onSelect={onSelect}
            saved={saved}
            onSavedChange={editable ? setSaved : undefined}
          />
        ) : tab === 'schedule' ? (
          <ScheduleView
            interval={rule?.interval}
            from={rule?.from}
            maxSignals={rule?.max_signals}
            start={corpus?.minTimestamp}
            end={corpus?.maxTimestamp}
            response={complete?.kept}
          />
        ) : tab === 'matches' ? (
          search.isError ? (
            <SearchError error={search.error} />
          ) : response ? (
            <div
              className={`flex min-h-0 flex-1 flex-col ${showingOld ? 'opacity-60' : ''}`}
              aria-busy={showingOld}
              // Which query the matches on screen answer (read by the keystroke benchmark).
              data-results-query={showingOld ? undefined : submitted?.query}
            >
              <div className="flex shrink-0 items-baseline gap-2 border-b border-slate-100 px-3 py-1 dark:border-slate-800">
                <ResultSummary response={response} />
                {suppressedCount > 0 && (
                  <span
                    data-testid="suppressed-count"
                    className="text-xs text-slate-600 dark:text-slate-300"
                    title="Matches the rule's exceptions suppress: Kibana would not alert on them"
                  >
                    · {plural(suppressedCount, 'match', 'matches')} suppressed by exceptions
                  </span>
                )}
                {stale && !showingOld && (
                  <span
                    data-testid="results-stale"
                    className="ml-auto shrink-0 rounded bg-amber-100 px-1.5 text-[11px] font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-200"
                  >
                    {stale}
                  </span>
                )}
              </div>
              {response.hits.total.value === 0 && suppressedCount > 0 ? (
                <Placeholder>Every match is suppressed by the rule's exceptions.</Placeholder>
              ) : response.hits.total.value === 0 ? (
                <Placeholder>
                  No events match this query. The near misses tab shows what almost did.
                </Placeholder>
              ) : (
                <ErrorBoundary label="The match list">
                  <MatchList
                    response={response}
                    selectedKey={selectedKey}
                    onSelect={onSelect}
                    maxspan={maxspan}
                  />
                </ErrorBoundary>
              )}
              {onScreen && shownCount(onScreen.suppressed) > 0 && (
                <details
                  data-testid="suppressed-matches"
                  className="max-h-[40%] shrink-0 overflow-auto border-t border-slate-200 dark:border-slate-800"
                >
                  <summary className="cursor-pointer px-3 py-1 text-xs text-slate-600 dark:text-slate-300">
                    {plural(shownCount(onScreen.suppressed), 'match', 'matches')} on screen suppressed by the
                    rule's exceptions
                  </summary>
                  <MatchList
                    response={onScreen.suppressed}
                    selectedKey={selectedKey}
                    onSelect={onSelect}
                    maxspan={maxspan}
                  />
                </details>
              )}
            </div>
          ) : search.isFetching ? (
            <Placeholder>Searching…</Placeholder>
          ) : rule && !isReplayable(rule) ? (
            <Placeholder>
              <span data-testid="not-replayable-results">
                Nothing to run: only EQL rules can be replayed over events, and this rule's type is{' '}
                {ruleTypeName(rule.type ?? 'unknown')}.
              </span>
            </Placeholder>
          ) : (
            <Placeholder>Press Run (or Ctrl+Enter) to replay the corpus through the query.</Placeholder>
          )
        ) : submitted === null ? (
          <Placeholder>
            Run the query first; near misses are the events that fail exactly one of its clauses.
          </Placeholder>
        ) : nearMisses.isError ? (
          <SearchError error={nearMisses.error} />
        ) : nearMisses.data ? (
          <ErrorBoundary label="The near-miss list">
            <NearMissList
              result={nearMisses.data}
              selectedKey={selectedKey}
              onSelect={onSelect}
              onHighlight={onHighlight}
            />
          </ErrorBoundary>
        ) : (
          <Placeholder>
            <span role="status" data-testid="near-miss-progress">
              Scanning the corpus for near misses
              {nearMisses.progress
                ? ` (${nearMisses.progress.scanned.toLocaleString('en-US')} of ${nearMisses.progress.total.toLocaleString('en-US')} events)`
                : ''}
              …
            </span>
          </Placeholder>
        )}
      </div>
    </section>
  );
}
