import type { SourceRange } from '@rulebench/eql';
import type { ReactNode } from 'react';
import { EventJson } from '../features/event/components/EventJson.js';
import { WhyPanel } from '../features/explain/components/WhyPanel.js';
import type { SelectedHit } from '../features/search/components/MatchList.js';
import { ErrorBoundary } from './ErrorBoundary.js';
import { Placeholder } from './Placeholder.js';

interface EventPanelProps {
  readonly selected: SelectedHit | null;
  /** The query as typed now: the why panel follows edits. */
  readonly query: string;
  readonly onHighlight: (range: SourceRange | null) => void;
  /** Shown while no event is selected; the workbench's hint by default (the review page has its own). */
  readonly empty?: ReactNode;
}

export function EventPanel({ selected, query, onHighlight, empty }: EventPanelProps) {
  return (
    <section aria-label="Event" className="panel">
      <h2 className="panel-header">Why</h2>
      {selected ? (
        <>
          <div className="max-h-[45%] shrink-0 overflow-y-auto border-b border-slate-200 dark:border-slate-800">
            <ErrorBoundary label="The why panel">
              <WhyPanel query={query} source={selected.hit._source} onHighlight={onHighlight} />
            </ErrorBoundary>
          </div>
          <h2 className="panel-header">Event</h2>
          <ErrorBoundary label="The event view">
            <EventJson event={selected.hit} />
          </ErrorBoundary>
        </>
      ) : (
        (empty ?? (
          <Placeholder>
            Select a match or a near miss to see why it matches or not, and its event.
          </Placeholder>
        ))
      )}
    </section>
  );
}
