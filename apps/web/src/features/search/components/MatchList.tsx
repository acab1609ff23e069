import { useMemo, useState } from 'react';
import { fieldText } from '../../../lib/event-fields.js';
import { type EventLike, formatGap } from '../match-row.js';
import { sequenceMembers } from '../sequence-members.js';
import type { EqlSearchResponse } from '../types.js';
import { EventListbox, EventRows } from './EventRows.js';
import type { SelectedHit } from './MatchRow.js';
import { VirtualEventList } from './VirtualEventList.js';

export type { SelectedHit } from './MatchRow.js';

/** Lists longer than this render only the rows on screen. */
const VIRTUALIZE_FROM = 150;

interface MatchListProps {
  readonly response: EqlSearchResponse;
  readonly selectedKey: string | undefined;
  readonly onSelect: (selection: SelectedHit) => void;
  /** The sequence's `maxspan` as written (e.g. `5m`), shown beside each sequence's span. */
  readonly maxspan?: string | undefined;
}

type SequenceView = 'sequences' | 'events';

/** Sequence results shown grouped (join keys, stages, gaps) or as their events in time order. */
function ViewToggle({ view, onChange }: { view: SequenceView; onChange: (view: SequenceView) => void }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a two-button toggle bar, not a form's fieldset.
    <div
      role="group"
      aria-label="Show sequence matches as"
      className="flex shrink-0 items-center gap-1 border-b border-slate-100 px-3 py-1 text-[11px] dark:border-slate-800"
    >
      {(['sequences', 'events'] as const).map((v) => (
        <button
          key={v}
          type="button"
          aria-pressed={view === v}
          data-testid={`view-${v}`}
          onClick={() => onChange(v)}
          className={`rounded px-1.5 py-0.5 font-semibold capitalize ${
            view === v
              ? 'bg-slate-200 text-slate-900 dark:bg-slate-700 dark:text-slate-100'
              : 'text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800'
          }`}
        >
          {v}
        </button>
      ))}
    </div>
  );
}

/** A flat list of events, virtualized when long. */
function EventList({
  hits,
  label,
  selectedKey,
  onSelect,
}: {
  hits: readonly EventLike[];
  label: string;
  selectedKey: string | undefined;
  onSelect: (selection: SelectedHit) => void;
}) {
  if (hits.length > VIRTUALIZE_FROM) {
    return (
      <VirtualEventList
        count={hits.length}
        eventAt={(i) => hits[i]}
        keyPrefix="e:"
        label={label}
        selectedKey={selectedKey}
        onSelect={onSelect}
      />
    );
  }
  return (
    <EventListbox label={label}>
      <EventRows
        hits={hits}
        keyPrefix="e:"
        selectedKey={selectedKey}
        tabKey={selectedKey ?? (hits[0] ? `e:${hits[0]._id}` : undefined)}
        onSelect={onSelect}
      />
    </EventListbox>
  );
}

export function MatchList({ response, selectedKey, onSelect, maxspan }: MatchListProps) {
  const events = response.hits.events;
  const sequences = response.hits.sequences;
  const [view, setView] = useState<SequenceView>('sequences');
  const members = useMemo(() => (sequences ? sequenceMembers(sequences) : []), [sequences]);

  if (sequences === undefined) {
    return (
      <EventList hits={events ?? []} label="Matched events" selectedKey={selectedKey} onSelect={onSelect} />
    );
  }
  const tabKey = selectedKey ?? (sequences.length > 0 ? 's:0:0' : undefined);
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <ViewToggle view={view} onChange={setView} />
      {view === 'events' ? (
        <EventList
          hits={members}
          label="Events of the matched sequences"
          selectedKey={selectedKey}
          onSelect={onSelect}
        />
      ) : (
        <EventListbox label="Matched sequences">
          {sequences.map((sequence, s) => {
            const present = sequence.events.filter((e) => !e.missing);
            const span = formatGap(
              present[0]?._source['@timestamp'],
              present[present.length - 1]?._source['@timestamp'],
            );
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: sequences have no identity of their own.
              // biome-ignore lint/a11y/useSemanticElements: an ARIA group inside a listbox; fieldset is for forms.
              <div key={`s:${s}`} role="group" aria-label={`Sequence ${s + 1}`} data-testid="sequence-group">
                <div className="sticky top-0 z-10 flex items-baseline gap-2 border-b border-slate-200 bg-slate-100 px-3 py-1 text-[11px] font-semibold text-slate-600 dark:border-slate-700 dark:bg-slate-800 dark:text-slate-300">
                  <span>Sequence {s + 1}</span>
                  {sequence.join_keys && sequence.join_keys.length > 0 && (
                    <span className="truncate font-mono font-normal" title="join keys">
                      by {sequence.join_keys.map((k) => fieldText(k) ?? 'null').join(', ')}
                    </span>
                  )}
                  {span !== undefined && present.length > 1 && (
                    <span className="ml-auto shrink-0 font-normal" data-testid="sequence-span">
                      span {span.replace(/^\+/, '')}
                      {maxspan ? ` of maxspan ${maxspan}` : ''}
                    </span>
                  )}
                </div>
                <div role="presentation">
                  <EventRows
                    hits={sequence.events}
                    keyPrefix={`s:${s}:`}
                    stages
                    selectedKey={selectedKey}
                    tabKey={tabKey}
                    onSelect={onSelect}
                  />
                </div>
              </div>
            );
          })}
        </EventListbox>
      )}
    </div>
  );
}
