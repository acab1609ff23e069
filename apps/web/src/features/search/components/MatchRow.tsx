import type { KeyboardEvent } from 'react';
import { type EventLike, toMatchRow } from '../match-row.js';

/** Every event row has this height, so long lists can be virtualized. */
export const ROW_HEIGHT = 46;

/** A row's identity in the list: the same event may appear in several sequences. */
export interface SelectedHit {
  readonly key: string;
  readonly hit: EventLike;
}

export interface RowProps {
  readonly rowKey: string;
  readonly hit: EventLike;
  readonly selected: boolean;
  readonly tabbable: boolean;
  readonly gap?: string | undefined;
  readonly onSelect: (selection: SelectedHit) => void;
  readonly testId?: string;
  /** Position in a virtualized list (for keyboard navigation and `aria-posinset`). */
  readonly index?: number;
  readonly setSize?: number;
  /** 1-based stage of a sequence or sample event. */
  readonly stage?: number;
}

export function MatchRowView(props: RowProps) {
  const {
    rowKey,
    hit,
    selected,
    tabbable,
    gap,
    onSelect,
    testId = 'match-item',
    index,
    setSize,
    stage,
  } = props;
  const row = toMatchRow(hit);
  if (row.missing) {
    return (
      <div
        role="option"
        aria-selected={false}
        aria-disabled
        tabIndex={-1}
        data-testid="missing-stage"
        className="border-b border-dashed border-slate-200 px-3 py-1.5 text-xs italic text-slate-500 dark:text-slate-400 dark:border-slate-800"
      >
        {stage !== undefined ? `${stage} · ` : ''}missing event: nothing matched this stage, as the query
        requires
      </div>
    );
  }
  const select = () => onSelect({ key: rowKey, hit });
  // Secondary text: on the tinted background of a selected row slate-500 falls below 4.5:1.
  const muted = selected ? 'text-slate-600 dark:text-slate-300' : 'text-slate-500 dark:text-slate-400';
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      select();
    }
  };
  return (
    <div
      role="option"
      aria-selected={selected}
      tabIndex={tabbable ? 0 : -1}
      data-testid={testId}
      data-event-id={hit._id}
      data-row-key={rowKey}
      data-index={index}
      aria-posinset={index === undefined ? undefined : index + 1}
      aria-setsize={setSize}
      style={{ height: ROW_HEIGHT }}
      onClick={select}
      onKeyDown={onKeyDown}
      className={`box-border cursor-pointer overflow-hidden border-b border-l-2 border-b-slate-100 px-3 py-1.5 outline-offset-[-2px] dark:border-b-slate-800 ${
        selected
          ? 'border-l-sky-600 bg-sky-50 dark:border-l-sky-400 dark:bg-sky-950/60'
          : 'border-l-transparent hover:bg-slate-50 dark:hover:bg-slate-800/60'
      }`}
    >
      <div className="flex min-w-0 items-baseline gap-1.5 font-mono text-[13px]">
        {stage !== undefined && (
          <span
            className="shrink-0 rounded bg-slate-200 px-1 text-[10px] font-semibold text-slate-700 dark:bg-slate-700 dark:text-slate-200"
            title={`Stage ${stage}`}
          >
            {stage}
          </span>
        )}
        <span className="max-w-[55%] shrink-0 truncate font-semibold" title={row.process}>
          {row.process ?? <span className={muted}>no process</span>}
        </span>
        {row.target !== undefined && (
          <>
            <span aria-hidden className={muted}>
              →
            </span>
            <span className="truncate text-teal-800 dark:text-teal-300" title={row.target}>
              {row.target}
            </span>
          </>
        )}
        {gap !== undefined && <span className={`ml-auto shrink-0 text-[11px] ${muted}`}>{gap}</span>}
      </div>
      <div className={`flex min-w-0 items-baseline gap-2 text-[11px] ${muted}`}>
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
    </div>
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
