import { useMemo, useRef } from 'react';
import { fieldText } from '../../../lib/event-fields.js';
import { formatGap } from '../match-row.js';
import type { EqlSearchResponse } from '../types.js';
import { MatchRowView, moveFocus, type SelectedHit } from './MatchRow.js';
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

export function MatchList({ response, selectedKey, onSelect, maxspan }: MatchListProps) {
  const listRef = useRef<HTMLDivElement>(null);
  const events = response.hits.events;
  const sequences = response.hits.sequences;
  const firstKey = useMemo(() => {
    if (events && events.length > 0) return `e:${events[0]?._id}`;
    if (sequences && sequences.length > 0) return `s:0:0`;
    return undefined;
  }, [events, sequences]);
  const tabKey = selectedKey ?? firstKey;

  if (sequences !== undefined) {
    return (
      <div
        ref={listRef}
        role="listbox"
        aria-label="Matched sequences"
        className="min-h-0 flex-1 overflow-y-auto"
        onKeyDown={(e) => moveFocus(listRef.current, e)}
      >
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
                {sequence.events.map((hit, i) => {
                  const key = `s:${s}:${i}`;
                  const previous = i > 0 ? sequence.events[i - 1] : undefined;
                  const gap =
                    previous && !previous.missing && !hit.missing
                      ? formatGap(previous._source['@timestamp'], hit._source['@timestamp'])
                      : undefined;
                  return (
                    <MatchRowView
                      key={key}
                      rowKey={key}
                      hit={hit}
                      selected={key === selectedKey}
                      tabbable={key === tabKey}
                      gap={gap}
                      stage={i + 1}
                      onSelect={onSelect}
                    />
                  );
                })}
              </div>
            </div>
          );
        })}
      </div>
    );
  }

  if (events && events.length > VIRTUALIZE_FROM) {
    return (
      <VirtualEventList
        count={events.length}
        eventAt={(i) => events[i]}
        keyPrefix="e:"
        label="Matched events"
        selectedKey={selectedKey}
        onSelect={onSelect}
      />
    );
  }

  return (
    <div
      ref={listRef}
      role="listbox"
      aria-label="Matched events"
      className="min-h-0 flex-1 overflow-y-auto"
      onKeyDown={(e) => moveFocus(listRef.current, e)}
    >
      {(events ?? []).map((hit) => {
        const key = `e:${hit._id}`;
        return (
          <MatchRowView
            key={key}
            rowKey={key}
            hit={hit}
            selected={key === selectedKey}
            tabbable={key === tabKey}
            onSelect={onSelect}
          />
        );
      })}
    </div>
  );
}
