import { type KeyboardEvent, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { EventLike } from '../match-row.js';
import { scrollToReveal, virtualWindow } from '../virtual-window.js';
import { MatchRowView, ROW_HEIGHT, type SelectedHit } from './MatchRow.js';

interface VirtualEventListProps {
  /** Rows in the list, loaded or not. */
  readonly count: number;
  /** The event at a row, or undefined while its page is still loading. */
  readonly eventAt: (index: number) => EventLike | undefined;
  readonly label: string;
  /** Row keys are `${keyPrefix}${_id}`, e.g. `e:` for matches. */
  readonly keyPrefix: string;
  readonly selectedKey: string | undefined;
  readonly onSelect: (selection: SelectedHit) => void;
  /** Told which rows are on screen, so pages can be fetched on demand. */
  readonly onVisibleRange?: (start: number, end: number) => void;
  readonly testId?: string;
}

/**
 * A flat event list that renders only the rows on screen, so 100,000 events scroll as smoothly
 * as ten. Arrow keys, PageUp/PageDown, Home and End move through all rows, scrolling as needed.
 */
export function VirtualEventList(props: VirtualEventListProps) {
  const { count, eventAt, label, keyPrefix, selectedKey, onSelect, onVisibleRange, testId } = props;
  const listRef = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState({ top: 0, height: 600 });
  const pendingFocus = useRef<number | null>(null);

  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const measure = () => setViewport({ top: list.scrollTop, height: list.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(list);
    return () => observer.disconnect();
  }, []);

  const range = virtualWindow(viewport.top, viewport.height, ROW_HEIGHT, count);

  useEffect(() => {
    onVisibleRange?.(range.start, range.end);
  }, [onVisibleRange, range.start, range.end]);

  let selectedIndex = -1;
  for (let i = range.start; i < range.end && selectedKey !== undefined; i += 1) {
    if (`${keyPrefix}${eventAt(i)?._id}` === selectedKey) selectedIndex = i;
  }
  const tabIndexRow = selectedIndex >= 0 ? selectedIndex : range.start;

  useEffect(() => {
    const index = pendingFocus.current;
    if (index === null) return;
    const row = listRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
    if (row) {
      pendingFocus.current = null;
      row.focus({ preventScroll: true });
    }
  });

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const list = listRef.current;
    if (!list || !['ArrowDown', 'ArrowUp', 'Home', 'End', 'PageDown', 'PageUp'].includes(e.key)) return;
    const focused =
      document.activeElement instanceof HTMLElement
        ? Number(document.activeElement.dataset.index)
        : Number.NaN;
    const current = Number.isNaN(focused) ? tabIndexRow : focused;
    const page = Math.max(1, Math.floor(list.clientHeight / ROW_HEIGHT) - 1);
    const next = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      Home: 0,
      End: count - 1,
      PageDown: current + page,
      PageUp: current - page,
    }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const index = Math.max(0, Math.min(count - 1, next));
    const top = scrollToReveal(index, list.scrollTop, list.clientHeight, ROW_HEIGHT);
    if (top !== null) list.scrollTop = top;
    pendingFocus.current = index;
    setViewport({ top: list.scrollTop, height: list.clientHeight });
  };

  const rows = [];
  for (let index = range.start; index < range.end; index += 1) {
    const hit = eventAt(index);
    if (hit === undefined) {
      rows.push(
        <div
          key={`loading:${index}`}
          role="option"
          aria-selected={false}
          aria-disabled
          tabIndex={-1}
          data-index={index}
          style={{ height: ROW_HEIGHT }}
          className="box-border border-b border-slate-100 px-3 py-1.5 text-xs text-slate-400 dark:border-slate-800"
        >
          Loading…
        </div>,
      );
      continue;
    }
    const key = `${keyPrefix}${hit._id}`;
    rows.push(
      <MatchRowView
        key={key}
        rowKey={key}
        hit={hit}
        index={index}
        setSize={count}
        selected={key === selectedKey}
        tabbable={index === tabIndexRow}
        onSelect={onSelect}
        {...(testId ? { testId } : {})}
      />,
    );
  }

  return (
    <div
      ref={listRef}
      role="listbox"
      aria-label={label}
      className="min-h-0 flex-1 overflow-y-auto"
      onScroll={(e) => setViewport({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}
      onKeyDown={onKeyDown}
    >
      {range.before > 0 && <div role="presentation" style={{ height: range.before }} />}
      {rows}
      {range.after > 0 && <div role="presentation" style={{ height: range.after }} />}
    </div>
  );
}
