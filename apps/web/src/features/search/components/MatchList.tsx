import { type KeyboardEvent, useMemo, useRef } from 'react';
import { fieldText } from '../../../lib/event-fields.js';
import { type EventLike, formatGap, toMatchRow } from '../match-row.js';
import type { EqlSearchResponse } from '../types.js';

/** A row's identity in the list: the same event may appear in several sequences. */
export interface SelectedHit {
  readonly key: string;
  readonly hit: EventLike;
}

interface MatchListProps {
  readonly response: EqlSearchResponse;
  readonly selectedKey: string | undefined;
  readonly onSelect: (selection: SelectedHit) => void;
}

export interface RowProps {
  readonly rowKey: string;
  readonly hit: EventLike;
  readonly selected: boolean;
  readonly tabbable: boolean;
  readonly gap?: string | undefined;
  readonly onSelect: (selection: SelectedHit) => void;
  readonly testId?: string;
}

export function MatchRowView({ rowKey, hit, selected, tabbable, gap, onSelect, testId = 'match-item' }: RowProps) {
  const row = toMatchRow(hit);
  if (row.missing) {
    return (
      <li
        role="option"
        aria-selected={false}
        aria-disabled
        className="border-b border-dashed border-slate-200 px-3 py-1.5 text-xs italic text-slate-500 dark:border-slate-800"
      >
        missing event (no match for this stage, as required)
      </li>
    );
  }
  const select = () => onSelect({ key: rowKey, hit });
  const onKeyDown = (e: KeyboardEvent<HTMLLIElement>) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      select();
    }
  };
  return (
    <li
      role="option"
      aria-selected={selected}
      tabIndex={tabbable ? 0 : -1}
      data-testid={testId}
      data-event-id={hit._id}
      data-row-key={rowKey}
      onClick={select}
      onKeyDown={onKeyDown}
      className={`cursor-pointer border-b border-l-2 border-b-slate-100 px-3 py-1.5 outline-offset-[-2px] dark:border-b-slate-800 ${
        selected
          ? 'border-l-sky-600 bg-sky-50 dark:border-l-sky-400 dark:bg-sky-950/60'
          : 'border-l-transparent hover:bg-slate-50 dark:hover:bg-slate-800/60'
      }`}
    >
      <div className="flex min-w-0 items-baseline gap-1.5 font-mono text-[13px]">
        <span className="truncate font-semibold" title={row.process}>
          {row.process ?? <span className="text-slate-400">no process</span>}
        </span>
        {row.target !== undefined && (
          <>
            <span aria-hidden className="text-slate-400">
              →
            </span>
            <span className="truncate text-teal-800 dark:text-teal-300" title={row.target}>
              {row.target}
            </span>
          </>
        )}
        {gap !== undefined && <span className="ml-auto shrink-0 text-[11px] text-slate-500">{gap}</span>}
      </div>
      <div className="flex min-w-0 items-baseline gap-2 text-[11px] text-slate-500 dark:text-slate-400">
        <time dateTime={row.isoTimestamp} className="shrink-0 font-mono tabular-nums">
          {row.timestamp}
        </time>
        {row.host !== undefined && (
          <span className="truncate" title="host">
            {row.host}
          </span>
        )}
        {row.category !== undefined && <span className="ml-auto shrink-0 truncate">{row.category}</span>}
      </div>
    </li>
  );
}

/** Arrow keys move focus between rows (one tab stop for the whole list). */
export function moveFocus(list: HTMLElement | null, e: KeyboardEvent) {
  if (!list || !['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) return;
  const rows = Array.from(list.querySelectorAll<HTMLElement>('[role="option"][data-row-key]'));
  if (rows.length === 0) return;
  e.preventDefault();
  const current = rows.indexOf(document.activeElement as HTMLElement);
  let next = current;
  if (e.key === 'Home') next = 0;
  else if (e.key === 'End') next = rows.length - 1;
  else if (e.key === 'ArrowDown') next = Math.min(rows.length - 1, current + 1);
  else next = Math.max(0, current - 1);
  rows[next]?.focus();
}

export function MatchList({ response, selectedKey, onSelect }: MatchListProps) {
  const listRef = useRef<HTMLUListElement>(null);
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
      <ul
        ref={listRef}
        role="listbox"
        aria-label="Matched sequences"
        className="min-h-0 flex-1 overflow-y-auto"
        onKeyDown={(e) => moveFocus(listRef.current, e)}
      >
        {sequences.map((sequence, s) => (
          <li key={`s:${s}`} role="group" aria-label={`Sequence ${s + 1}`} data-testid="sequence-group">
            <div className="sticky top-0 z-10 flex items-baseline gap-2 border-b border-slate-200 bg-slate-100 px-3 py-1 text-[11px] font-semibold text-slate-600 dark:border-slate-700 dark:bg-slate-800 dark:text-slate-300">
              <span>Sequence {s + 1}</span>
              {sequence.join_keys && sequence.join_keys.length > 0 && (
                <span className="truncate font-mono font-normal" title="join keys">
                  by {sequence.join_keys.map((k) => fieldText(k) ?? 'null').join(', ')}
                </span>
              )}
            </div>
            <ul>
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
                    onSelect={onSelect}
                  />
                );
              })}
            </ul>
          </li>
        ))}
      </ul>
    );
  }

  return (
    <ul
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
    </ul>
  );
}
