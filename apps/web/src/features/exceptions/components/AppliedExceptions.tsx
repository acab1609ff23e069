import { useMemo } from 'react';
import { describeEntry, exceptionItems } from '../rule-exceptions.js';

/**
 * The exceptions a shared link applies to its matches (Kibana items, read defensively: a link is
 * untrusted input), one line per item. Nothing when there are none.
 */
export function AppliedExceptions({ items }: { readonly items: readonly unknown[] | undefined }) {
  const shown = useMemo(() => exceptionItems(items ?? []), [items]);
  if (shown.length === 0) return null;
  return (
    <section aria-label="Exceptions applied" data-testid="review-exceptions" className="mt-2">
      <h2 className="mb-1 text-[11px] font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
        Exceptions applied to the matches
      </h2>
      <ul className="space-y-0.5 text-xs">
        {shown.map((item, i) => (
          <li key={item.item_id || i} data-testid="review-exception">
            <span className="font-medium">{item.name || 'Exception'}</span>:{' '}
            <code className="font-mono text-[11px] text-slate-700 dark:text-slate-300">
              {item.entries.map(describeEntry).join(' AND ')}
            </code>
          </li>
        ))}
      </ul>
    </section>
  );
}
