import type { SourceRange } from '@rulebench/eql';
import { plural } from '../../../lib/plural.js';
import { EventListbox, EventRows } from '../../search/components/EventRows.js';
import type { SelectedHit } from '../../search/components/MatchRow.js';
import type { NearMissResult } from '../api/get-near-misses.js';

interface NearMissListProps {
  readonly result: NearMissResult;
  readonly selectedKey: string | undefined;
  readonly onSelect: (selection: SelectedHit) => void;
  readonly onHighlight: (range: SourceRange | null) => void;
}

const fmt = new Intl.NumberFormat('en-US');
/** Rows shown per group; the count in the header is always complete. */
const GROUP_ROWS = 200;

export function NearMissList({ result, selectedKey, onSelect, onHighlight }: NearMissListProps) {
  if (result.unsupported) {
    return (
      <p className="p-4 text-sm text-slate-500 dark:text-slate-400">
        Near misses are computed for event queries, not sequences or samples.
      </p>
    );
  }
  const count = result.groups.reduce((n, g) => n + g.count, 0);
  const firstKey = result.groups[0]?.events[0] ? `n:${result.groups[0].events[0]._id}` : undefined;
  const tabKey = selectedKey ?? firstKey;
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <p className="shrink-0 border-b border-slate-100 px-3 py-1 text-[11px] text-slate-500 dark:text-slate-400 dark:border-slate-800">
        <span data-testid="near-miss-count">{fmt.format(count)}</span> event{count === 1 ? '' : 's'} fail
        exactly one clause
        {result.scanned < result.total
          ? ` (first ${fmt.format(result.scanned)} of ${fmt.format(result.total)} events scanned)`
          : ` (${plural(result.scanned, 'event')} scanned)`}
        .
      </p>
      {count === 0 ? (
        <p className="p-4 text-sm text-slate-500 dark:text-slate-400">
          No near misses: every non-matching event fails two or more clauses.
        </p>
      ) : (
        <EventListbox label="Near misses">
          {result.groups.map((group) => (
            // biome-ignore lint/a11y/useSemanticElements: an ARIA group inside a listbox; fieldset is for forms.
            <div
              key={group.loc.start}
              role="group"
              aria-label={`Failed: ${group.label}`}
              data-testid="near-miss-group"
            >
              {/* biome-ignore lint/a11y/noStaticElementInteractions: a pointer-only preview; the why panel offers the same highlight by keyboard. */}
              <div
                className="sticky top-0 z-10 flex items-baseline gap-2 border-b border-red-200 bg-red-50 px-3 py-1 text-[11px] dark:border-red-900 dark:bg-red-950"
                onMouseEnter={() => onHighlight(group.loc)}
                onMouseLeave={() => onHighlight(null)}
              >
                <span className="shrink-0 font-semibold text-red-800 dark:text-red-300">Failed</span>
                <code
                  className="min-w-0 flex-1 truncate font-mono text-red-900 dark:text-red-200"
                  title={group.label}
                >
                  {group.label}
                </code>
                <span className="shrink-0 font-semibold text-red-800 dark:text-red-300">
                  {fmt.format(group.count)}
                </span>
              </div>
              <div role="presentation">
                <EventRows
                  hits={group.events.slice(0, GROUP_ROWS)}
                  keyPrefix="n:"
                  selectedKey={selectedKey}
                  tabKey={tabKey}
                  onSelect={onSelect}
                  testId="near-miss-item"
                />
                {group.count > GROUP_ROWS && (
                  <div
                    role="presentation"
                    className="px-3 py-1.5 text-[11px] text-slate-500 dark:text-slate-400"
                  >
                    …and {fmt.format(group.count - GROUP_ROWS)} more
                  </div>
                )}
              </div>
            </div>
          ))}
        </EventListbox>
      )}
    </div>
  );
}
