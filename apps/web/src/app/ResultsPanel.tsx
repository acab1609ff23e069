import type { SourceRange } from '@rulebench/eql';
import type { UseQueryResult } from '@tanstack/react-query';
import { type ReactNode, useId, useState } from 'react';
import { useNearMisses } from '../features/explain/api/get-near-misses.js';
import { NearMissList } from '../features/explain/components/NearMissList.js';
import { MatchList, type SelectedHit } from '../features/search/components/MatchList.js';
import { ResultSummary } from '../features/search/components/ResultSummary.js';
import { SearchError } from '../features/search/components/SearchError.js';
import type { EqlSearchResponse, SearchRequest } from '../features/search/types.js';
import { ErrorBoundary } from './ErrorBoundary.js';
import { Placeholder } from './Placeholder.js';

type Tab = 'matches' | 'near-misses';

interface ResultsPanelProps {
  readonly search: UseQueryResult<EqlSearchResponse, unknown>;
  readonly submitted: SearchRequest | null;
  readonly selectedKey: string | undefined;
  readonly onSelect: (selection: SelectedHit) => void;
  readonly onHighlight: (range: SourceRange | null) => void;
}

function TabButton({ id, active, onClick, children }: { id: string; active: boolean; onClick: () => void; children: ReactNode }) {
  return (
    <button
      type="button"
      role="tab"
      id={id}
      aria-selected={active}
      tabIndex={active ? 0 : -1}
      onClick={onClick}
      className={`-mb-px h-8 border-b-2 px-1 text-xs font-semibold uppercase tracking-wide ${
        active
          ? 'border-sky-600 text-slate-900 dark:border-sky-400 dark:text-slate-100'
          : 'border-transparent text-slate-500 hover:text-slate-800 dark:text-slate-400 dark:hover:text-slate-200'
      }`}
    >
      {children}
    </button>
  );
}

export function ResultsPanel({ search, submitted, selectedKey, onSelect, onHighlight }: ResultsPanelProps) {
  const [tab, setTab] = useState<Tab>('matches');
  const ids = useId();
  const nearMisses = useNearMisses(submitted?.corpus, submitted?.query ?? '', tab === 'near-misses' && submitted !== null);
  const response = search.data;
  const showingOld = search.isPlaceholderData || (search.isFetching && !search.isPending);
  const switchTab = (next: Tab) => setTab(next);

  return (
    <section aria-label="Results" className="panel">
      <div
        role="tablist"
        aria-label="Results"
        className="flex h-8 shrink-0 items-center gap-4 border-b border-slate-200 px-3 dark:border-slate-800"
        onKeyDown={(e) => {
          if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') switchTab(tab === 'matches' ? 'near-misses' : 'matches');
        }}
      >
        <TabButton id={`${ids}-matches`} active={tab === 'matches'} onClick={() => switchTab('matches')}>
          Matches
        </TabButton>
        <TabButton id={`${ids}-near`} active={tab === 'near-misses'} onClick={() => switchTab('near-misses')}>
          Near misses
        </TabButton>
        <span className="ml-auto">{response && <ResultSummary response={response} stale={showingOld} />}</span>
      </div>
      <div role="tabpanel" aria-labelledby={tab === 'matches' ? `${ids}-matches` : `${ids}-near`} className="flex min-h-0 flex-1 flex-col">
        {tab === 'matches' ? (
          search.isError ? (
            <SearchError error={search.error} />
          ) : response ? (
            <div className={`flex min-h-0 flex-1 flex-col ${showingOld ? 'opacity-60' : ''}`}>
              {response.hits.total.value === 0 ? (
                <Placeholder>No events match this query. The near misses tab shows what almost did.</Placeholder>
              ) : (
                <ErrorBoundary label="The match list">
                  <MatchList response={response} selectedKey={selectedKey} onSelect={onSelect} />
                </ErrorBoundary>
              )}
            </div>
          ) : search.isFetching ? (
            <Placeholder>Searching…</Placeholder>
          ) : (
            <Placeholder>Press Run (or Ctrl+Enter) to replay the corpus through the query.</Placeholder>
          )
        ) : submitted === null ? (
          <Placeholder>Run the query first; near misses are the events that fail exactly one of its clauses.</Placeholder>
        ) : nearMisses.isError ? (
          <SearchError error={nearMisses.error} />
        ) : nearMisses.data ? (
          <ErrorBoundary label="The near-miss list">
            <NearMissList result={nearMisses.data} selectedKey={selectedKey} onSelect={onSelect} onHighlight={onHighlight} />
          </ErrorBoundary>
        ) : (
          <Placeholder>Scanning the corpus for near misses…</Placeholder>
        )}
      </div>
    </section>
  );
}
