import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, type RefObject, useEffect, useId } from 'react';
import type { EventHit } from '../../search/types.js';
import { cellText, columnWidth } from '../columns.js';
import { nextIndex } from '../page-window.js';

export const ROW_HEIGHT = 28;
const HEADER_HEIGHT = 28;

interface EventsGridProps {
  readonly label: string;
  readonly columns: readonly string[];
  readonly count: number;
  readonly rowAt: (index: number) => EventHit | undefined;
  /** Index of the selected row, -1 for none. */
  readonly activeIndex: number;
  readonly selectedId: string | undefined;
  readonly onActivate: (index: number) => void;
  /** Rows on screen changed: the caller fetches their pages. */
  readonly onVisibleChange: (first: number, last: number) => void;
  readonly scrollRef: RefObject<HTMLDivElement | null>;
}

/**
 * The events as a grid that renders only the rows on screen (plus a few), so a corpus of any
 * size scrolls like a short one; rows whose page is still loading show as placeholders. The
 * grid itself holds focus and points at the selected row (`aria-activedescendant`).
 */
export function EventsGrid(props: EventsGridProps) {
  const { label, columns, count, rowAt, activeIndex, selectedId, onActivate, onVisibleChange, scrollRef } =
    props;
  const ids = useId();
  const width = columns.reduce((sum, c) => sum + columnWidth(c), 0);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // The rows start below the sticky header: offsets count from there, and a row scrolled to
    // must land below it, not under it.
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;

  useEffect(() => onVisibleChange(first, last), [first, last, onVisibleChange]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const viewport = scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10;
    const pageRows = Math.floor((viewport - HEADER_HEIGHT) / ROW_HEIGHT) - 1;
    const next = nextIndex(e.key, activeIndex, count, pageRows);
    if (next === null) return;
    e.preventDefault();
    onActivate(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const rowId = (index: number) => `${ids}-row-${index}`;
  const activeRendered = items.some((item) => item.index === activeIndex);

  return (
    // biome-ignore lint/a11y/useSemanticElements: virtual rows are absolutely placed divs; table elements would not lay out that way.
    <div
      ref={scrollRef}
      role="grid"
      aria-label={label}
      aria-rowcount={count + 1}
      aria-colcount={columns.length}
      aria-activedescendant={activeIndex >= 0 && activeRendered ? rowId(activeIndex) : undefined}
      tabIndex={0}
      data-testid="events-grid"
      className="relative min-h-0 flex-1 overflow-auto text-xs focus-visible:outline-offset-[-2px]"
      onKeyDown={onKeyDown}
    >
      {/* biome-ignore lint/a11y/useSemanticElements: see the grid above. */}
      <div
        role="rowgroup"
        className="sticky top-0 z-10"
        style={{ width: Math.max(width, 0), minWidth: '100%' }}
      >
        {/* biome-ignore lint/a11y/useSemanticElements: see the grid above. */}
        {/* biome-ignore lint/a11y/useFocusableInteractive: the grid holds focus (aria-activedescendant). */}
        <div
          role="row"
          aria-rowindex={1}
          className="flex border-b border-slate-200 bg-slate-100 font-semibold text-slate-600 dark:border-slate-700 dark:bg-slate-800 dark:text-slate-300"
          style={{ height: HEADER_HEIGHT }}
        >
          {columns.map((c, i) => (
            // biome-ignore lint/a11y/useSemanticElements: see the grid above.
            // biome-ignore lint/a11y/useFocusableInteractive: the grid holds focus (aria-activedescendant).
            <div
              key={c}
              role="columnheader"
              aria-colindex={i + 1}
              className="flex shrink-0 items-center truncate px-2 font-mono"
              style={{ width: columnWidth(c) }}
              title={c}
            >
              {c}
            </div>
          ))}
        </div>
      </div>
      {/* biome-ignore lint/a11y/useSemanticElements: see the grid above. */}
      <div
        role="rowgroup"
        className="relative"
        style={{ height: virtualizer.getTotalSize(), width: Math.max(width, 0), minWidth: '100%' }}
      >
        {items.map((item) => {
          const hit = rowAt(item.index);
          const selected = hit !== undefined && hit._id === selectedId && item.index === activeIndex;
          return (
            // biome-ignore lint/a11y/useSemanticElements: see the grid above.
            // biome-ignore lint/a11y/useFocusableInteractive: the grid holds focus (aria-activedescendant).
            // biome-ignore lint/a11y/useKeyWithClickEvents: the grid's arrow keys do what a click does.
            <div
              key={item.key}
              id={rowId(item.index)}
              role="row"
              aria-rowindex={item.index + 2}
              aria-selected={selected}
              data-testid="events-row"
              data-index={item.index}
              className={`absolute left-0 flex w-full cursor-pointer border-b border-slate-100 dark:border-slate-800 ${
                selected
                  ? 'bg-sky-100 text-slate-950 dark:bg-sky-900/60 dark:text-slate-50'
                  : 'text-slate-800 hover:bg-slate-50 dark:text-slate-200 dark:hover:bg-slate-800/60'
              }`}
              style={{ height: ROW_HEIGHT, transform: `translateY(${item.start - HEADER_HEIGHT}px)` }}
              onClick={() => {
                onActivate(item.index);
                scrollRef.current?.focus({ preventScroll: true });
              }}
            >
              {columns.map((c, i) => {
                const text = hit ? cellText(hit._source, c) : '';
                return (
                  // biome-ignore lint/a11y/useSemanticElements: see the grid above.
                  // biome-ignore lint/a11y/useFocusableInteractive: the grid holds focus (aria-activedescendant).
                  <div
                    key={c}
                    role="gridcell"
                    aria-colindex={i + 1}
                    className={`flex shrink-0 items-center truncate px-2 ${c === '@timestamp' ? 'font-mono tabular-nums' : ''}`}
                    style={{ width: columnWidth(c) }}
                    title={text || undefined}
                  >
                    {hit ? (
                      text || <span className="text-slate-400 dark:text-slate-500">—</span>
                    ) : (
                      <span className="h-2 w-3/4 rounded bg-slate-200 dark:bg-slate-700" />
                    )}
                  </div>
                );
              })}
            </div>
          );
        })}
      </div>
    </div>
  );
}
