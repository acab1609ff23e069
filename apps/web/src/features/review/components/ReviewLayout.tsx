import type { EqlSearchResponse } from '@rulebench/eql';
import { type ReactNode, useMemo } from 'react';
import { ErrorBoundary } from '../../../app/ErrorBoundary.js';
import { EventPanel } from '../../../app/EventPanel.js';
import { matchCount, shownCount, type WorkbenchSearchResponse } from '../../../lib/match-count.js';
import { AppliedExceptions } from '../../exceptions/components/AppliedExceptions.js';
import { Guide } from '../../guide/components/Guide.js';
import { RuleHeader } from '../../rule/components/RuleHeader.js';
import { MatchList, type SelectedHit } from '../../search/components/MatchList.js';
import type { SnapshotRule } from '../../share/types.js';
import { seedRule } from '../../share/workbench-seed.js';
import { AppLink } from './AppLink.js';
import { QueryBlock } from './QueryBlock.js';
import { RuleDetails } from './RuleDetails.js';

export interface ReviewResults {
  readonly response?: EqlSearchResponse | undefined;
  /** Shown instead of the list: loading, no events stored, or why the search failed. */
  readonly message?: string | undefined;
  readonly failed?: boolean;
}

interface ReviewLayoutProps {
  readonly rule: SnapshotRule;
  readonly query: string;
  /** What this page is: "Permalink · version 2 of 3", "Link without a server". */
  readonly badge: ReactNode;
  readonly actions: ReactNode;
  readonly notice?: ReactNode;
  /** Beside the query: the version list. */
  readonly aside?: ReactNode;
  /** Under the query band: the diff between versions. */
  readonly below?: ReactNode;
  readonly results: ReviewResults;
  readonly selected: SelectedHit | null;
  readonly onSelect: (selection: SelectedHit) => void;
  /** The snapshot's `options.exceptions`: applied to the matches, and listed under the query. */
  readonly exceptions?: readonly unknown[] | undefined;
}

const noHighlight = () => {};

function summary(response: WorkbenchSearchResponse): string {
  const total = matchCount(response);
  const sequences = response.hits.sequences !== undefined;
  const shown = shownCount(response);
  const noun = sequences
    ? total.value === 1
      ? 'sequence'
      : 'sequences'
    : total.value === 1
      ? 'match'
      : 'matches';
  const more = total.relation === 'gte' || shown < total.value ? `, ${shown} shown` : '';
  return `${total.relation === 'gte' ? '≥' : ''}${total.value} ${noun}${more}`;
}

/** The read-only page of a shared state: rule, query, stored matches, event, guide. */
export function ReviewLayout(props: ReviewLayoutProps) {
  const { rule, query, badge, actions, notice, aside, below, results, selected, onSelect, exceptions } =
    props;
  const headerRule = useMemo(() => seedRule(rule, query), [rule, query]);
  const transform = rule.transform as Readonly<Record<string, readonly unknown[]>> | undefined;
  const response = results.response;
  return (
    <div className="flex h-full min-w-[1024px] flex-col" data-testid="review-page">
      <header className="flex items-start gap-4 border-b border-slate-200 bg-white px-4 py-2 dark:border-slate-800 dark:bg-slate-900">
        <AppLink href="/" className="flex shrink-0 items-center gap-2 pt-0.5" data-testid="review-home">
          <span
            aria-hidden
            className="grid size-6 place-items-center rounded bg-sky-700 text-xs font-bold text-white"
          >
            R
          </span>
          <span className="text-sm font-semibold tracking-tight text-slate-700 dark:text-slate-300">
            Rulebench
          </span>
        </AppLink>
        <ErrorBoundary label="The rule header">
          <RuleHeader rule={headerRule} />
        </ErrorBoundary>
        <div className="flex shrink-0 items-center gap-2">
          <span
            data-testid="review-badge"
            className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900 ring-1 ring-inset ring-amber-300 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-800"
          >
            {badge}
          </span>
          {actions}
        </div>
      </header>
      {notice && (
        <div
          data-testid="review-notice"
          className="border-b border-sky-200 bg-sky-50 px-4 py-1.5 text-xs text-sky-900 dark:border-sky-900 dark:bg-sky-950 dark:text-sky-100"
        >
          {notice}
        </div>
      )}
      <section
        aria-label="Rule and query"
        className="grid max-h-[32vh] shrink-0 grid-cols-[minmax(0,1.3fr)_minmax(0,1fr)_auto] gap-4 overflow-y-auto border-b border-slate-200 bg-white px-4 py-2 dark:border-slate-800 dark:bg-slate-900"
      >
        <div className="min-w-0">
          <h2 className="mb-1 text-[11px] font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
            Query
          </h2>
          <QueryBlock query={query} />
          <AppliedExceptions items={exceptions} />
        </div>
        <div className="min-w-0">
          <h2 className="mb-1 text-[11px] font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
            Rule
          </h2>
          <ErrorBoundary label="The rule details">
            <RuleDetails rule={rule} />
          </ErrorBoundary>
        </div>
        {aside && <div className="min-w-44">{aside}</div>}
      </section>
      {below}
      <main className="grid min-h-0 flex-1 grid-cols-[minmax(0,1.15fr)_minmax(0,1fr)_minmax(0,1.1fr)] gap-2 p-2">
        <section aria-label="Matches" className="panel">
          <h2 className="panel-header">
            Matches
            {response && (
              <span
                data-testid="review-match-count"
                className="ml-auto font-normal normal-case tracking-normal"
              >
                {summary(response)}
              </span>
            )}
          </h2>
          {results.message !== undefined ? (
            <p
              role={results.failed ? 'alert' : 'status'}
              data-testid="review-results-message"
              className={`px-3 py-3 text-sm ${results.failed ? 'text-red-700 dark:text-red-400' : 'text-slate-500 dark:text-slate-400'}`}
            >
              {results.message}
            </p>
          ) : response && response.hits.total.value === 0 ? (
            <p className="px-3 py-3 text-sm text-slate-500 dark:text-slate-400">
              No events matched this query.
            </p>
          ) : response ? (
            <ErrorBoundary label="The match list">
              <MatchList response={response} selectedKey={selected?.key} onSelect={onSelect} />
            </ErrorBoundary>
          ) : null}
        </section>
        <EventPanel
          selected={selected}
          query={query}
          onHighlight={noHighlight}
          empty={
            <p className="px-3 py-3 text-sm text-slate-500 dark:text-slate-400">
              No event was selected. Select a match to see why it matches, and its event.
            </p>
          }
        />
        <section aria-label="Investigation guide" className="panel">
          <h2 className="panel-header">Investigation guide</h2>
          <ErrorBoundary label="The investigation guide">
            <Guide
              note={typeof rule.note === 'string' ? rule.note : undefined}
              setup={typeof rule.setup === 'string' ? rule.setup : undefined}
              transform={transform}
              source={selected?.hit._source}
            />
          </ErrorBoundary>
        </section>
      </main>
    </div>
  );
}
