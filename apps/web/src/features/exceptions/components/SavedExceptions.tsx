import { useMemo } from 'react';
import { plural } from '../../../lib/plural.js';
import type { EventLike } from '../../search/match-row.js';
import { describeEntry, itemSuppresses, type KibanaExceptionItem } from '../rule-exceptions.js';

interface SavedExceptionsProps {
  readonly items: readonly KibanaExceptionItem[];
  readonly matches: readonly EventLike[];
  readonly onRemove?: ((item: KibanaExceptionItem) => void) | undefined;
  /** Moves the item back into the builder. */
  readonly onEdit?: ((item: KibanaExceptionItem) => void) | undefined;
}

/** The exception items saved with the rule, each with the matches it suppresses. */
export function SavedExceptions({ items, matches, onRemove, onEdit }: SavedExceptionsProps) {
  const counts = useMemo(
    () => items.map((item) => matches.filter((m) => itemSuppresses(item, m._source)).length),
    [items, matches],
  );
  if (items.length === 0) return null;
  const total = matches.filter((m) => items.some((item) => itemSuppresses(item, m._source))).length;
  return (
    <section
      aria-label="Exceptions of the rule"
      className="shrink-0 border-b border-slate-200 px-3 py-1.5 text-xs dark:border-slate-800"
    >
      <h3 className="text-[11px] font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
        On this rule · suppress <span data-testid="rule-exceptions-suppressed">{total}</span> of{' '}
        {plural(matches.length, 'match', 'matches')}
      </h3>
      <ul className="mt-1 space-y-1">
        {items.map((item, i) => (
          <li
            key={item.item_id || i}
            data-testid="rule-exception"
            className="flex items-start gap-2 rounded border border-slate-200 px-2 py-1 dark:border-slate-700"
          >
            <div className="min-w-0 flex-1">
              <div className="font-medium">{item.name || 'Exception'}</div>
              <div className="font-mono text-[11px] text-slate-600 dark:text-slate-400">
                {item.entries.map(describeEntry).join(' AND ')}
              </div>
            </div>
            <span className="shrink-0 text-slate-600 dark:text-slate-400" title="Matches it suppresses">
              {counts[i]}
            </span>
            {onEdit && (
              <button type="button" className="btn h-6 px-2 text-xs" onClick={() => onEdit(item)}>
                Edit
              </button>
            )}
            {onRemove && (
              <button
                type="button"
                className="btn h-6 px-2 text-xs"
                aria-label={`Remove exception ${item.name || i + 1}`}
                onClick={() => onRemove(item)}
              >
                ✕
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
