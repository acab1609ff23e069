import { useMemo } from 'react';
import { type QueryPartKind, queryParts } from '../query-tokens.js';

const STYLE: Record<QueryPartKind, string> = {
  keyword: 'font-semibold text-fuchsia-700 dark:text-fuchsia-400',
  category: 'text-teal-700 dark:text-teal-400',
  function: 'text-indigo-700 dark:text-indigo-300',
  field: 'text-sky-800 dark:text-sky-300',
  string: 'text-emerald-700 dark:text-emerald-400',
  number: 'text-amber-700 dark:text-amber-400',
  operator: 'text-slate-600 dark:text-slate-400',
  comment: 'italic text-slate-500 dark:text-slate-400',
  plain: '',
};

/** The query, read-only and highlighted with the engine's own lexer; it wraps, so it never scrolls sideways. */
export function QueryBlock({ query, label = 'Query' }: { query: string; label?: string }) {
  const parts = useMemo(() => queryParts(query), [query]);
  return (
    <pre
      data-testid="review-query"
      title={label}
      className="overflow-auto whitespace-pre-wrap break-words rounded border border-slate-200 bg-slate-50 px-3 py-2 font-mono text-[12.5px] leading-5 text-slate-900 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100"
    >
      {parts.map((part, i) =>
        part.kind === 'plain' ? (
          part.text
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts are positional and never reorder.
          <span key={i} className={STYLE[part.kind]}>
            {part.text}
          </span>
        ),
      )}
    </pre>
  );
}
