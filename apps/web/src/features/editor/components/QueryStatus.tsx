import { useEffect, useId, useRef, useState } from 'react';
import { isError } from '../diagnose.js';
import { type Diagnostic, formatDiagnostic } from '../markers.js';
import { type Level, levelOf, problemSummary } from '../problem-summary.js';

interface QueryStatusProps {
  /** No query yet (the rule is loading): say nothing about it. */
  readonly loading?: boolean;
  readonly diagnostics: readonly Diagnostic[];
  readonly editedSinceRun: boolean;
  /** A passing message, e.g. why Format left the text alone. */
  readonly notice?: string | null;
}

const LEVEL_CLASS: Record<Level, string> = {
  error: 'text-red-700 dark:text-red-400',
  warning: 'text-amber-700 dark:text-amber-400',
  info: 'text-sky-700 dark:text-sky-400',
};

/**
 * The line under the editor: the weightiest finding, the count of each kind, and (on click or
 * hover of the count) the full list. "Query parses" only when nothing at all was found.
 */
export function QueryStatus({ loading = false, diagnostics, editedSinceRun, notice }: QueryStatusProps) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const root = useRef<HTMLDivElement>(null);
  const errors = diagnostics.filter(isError);
  const warnings = diagnostics.filter((d) => !isError(d));
  const firstError = errors[0];
  const firstWarning = warnings[0];
  const showList = open && !loading && diagnostics.length > 0;

  useEffect(() => {
    if (!showList) return;
    const close = (e: MouseEvent) => {
      if (!(e.target instanceof Node) || !root.current?.contains(e.target)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [showList]);

  return (
    <div
      ref={root}
      className="relative flex h-6 items-center gap-3 border-t border-slate-100 px-4 text-xs dark:border-slate-800"
    >
      <div className="flex min-w-0 items-center gap-3" aria-live="polite">
        {loading ? null : firstError ? (
          <span
            data-testid="query-error"
            className="truncate font-mono text-red-700 dark:text-red-400"
            title={firstError.message}
          >
            {formatDiagnostic(firstError)}
          </span>
        ) : firstWarning ? (
          <span
            data-testid="query-warning"
            className={`truncate font-mono ${LEVEL_CLASS[levelOf(firstWarning)]}`}
            title={firstWarning.message}
          >
            ⚠ {formatDiagnostic(firstWarning)}
          </span>
        ) : (
          <span className="text-emerald-700 dark:text-emerald-400">✓ Query parses</span>
        )}
      </div>
      {!loading && diagnostics.length > 0 && (
        <button
          type="button"
          data-testid="query-problem-count"
          className="shrink-0 rounded px-1 font-medium text-slate-700 underline decoration-dotted underline-offset-2 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800"
          aria-expanded={showList}
          aria-controls={listId}
          title={diagnostics.map(formatDiagnostic).join('\n')}
          onClick={() => setOpen((o) => !o)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setOpen(false);
          }}
        >
          {problemSummary(diagnostics)}
        </button>
      )}
      {showList && (
        <ul
          id={listId}
          data-testid="query-problem-list"
          aria-label="Problems in the query"
          className="absolute top-full left-4 z-30 mt-0.5 max-h-60 max-w-[min(48rem,90vw)] overflow-auto rounded border border-slate-200 bg-white py-1 font-mono shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          {diagnostics.map((d, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: findings have no identity; the list is rebuilt whole.
            <li key={i} className={`px-3 py-0.5 whitespace-pre-wrap ${LEVEL_CLASS[levelOf(d)]}`}>
              {levelOf(d) === 'error' ? '✖' : levelOf(d) === 'warning' ? '⚠' : 'ℹ'} {formatDiagnostic(d)}
            </li>
          ))}
        </ul>
      )}
      {notice ? <span className="shrink-0 text-amber-700 dark:text-amber-400">{notice}</span> : null}
      {editedSinceRun && (
        <span className="ml-auto shrink-0 text-slate-500 dark:text-slate-400">Edited since the last run</span>
      )}
    </div>
  );
}
