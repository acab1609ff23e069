import { type ReactNode, useRef } from 'react';
import type { EventLike } from '../match-row.js';
import { formatGap } from '../match-row.js';
import { MatchRowView, moveFocus, type SelectedHit } from './MatchRow.js';

/**
 * The one way event rows are listed (matches, sequence stages, near misses, suppressed
 * matches): a listbox with a single tab stop whose arrow keys move between its rows.
 */
export function EventListbox({ label, children }: { readonly label: string; readonly children: ReactNode }) {
  const listRef = useRef<HTMLDivElement>(null);
  return (
    <div
      ref={listRef}
      role="listbox"
      aria-label={label}
      className="min-h-0 flex-1 overflow-y-auto"
      onKeyDown={(e) => moveFocus(listRef.current, e)}
    >
      {children}
    </div>
  );
}

interface EventRowsProps {
  readonly hits: readonly EventLike[];
  /** Row keys are `${keyPrefix}${_id}` (`e:` matches, `n:` near misses), or per stage for a sequence. */
  readonly keyPrefix: string;
  readonly selectedKey: string | undefined;
  /** The row that takes the list's tab stop. */
  readonly tabKey: string | undefined;
  readonly onSelect: (selection: SelectedHit) => void;
  readonly testId?: string;
  /**
   * The members of one sequence: rows are keyed by stage (`${keyPrefix}${stage index}`, as the
   * same event may sit in several sequences), numbered, and show the time since the previous
   * event present (missing-event stages are placeholders).
   */
  readonly stages?: boolean;
}

export function EventRows({
  hits,
  keyPrefix,
  selectedKey,
  tabKey,
  onSelect,
  testId,
  stages,
}: EventRowsProps) {
  let previous: EventLike | undefined;
  return hits.map((hit, i) => {
    const key = stages ? `${keyPrefix}${i}` : `${keyPrefix}${hit._id}`;
    const gap =
      stages && previous && !hit.missing
        ? formatGap(previous._source['@timestamp'], hit._source['@timestamp'])
        : undefined;
    if (!hit.missing) previous = hit;
    return (
      <MatchRowView
        key={key}
        rowKey={key}
        hit={hit}
        selected={key === selectedKey}
        tabbable={key === tabKey}
        gap={gap}
        {...(stages ? { stage: i + 1 } : {})}
        {...(testId ? { testId } : {})}
        onSelect={onSelect}
      />
    );
  });
}
