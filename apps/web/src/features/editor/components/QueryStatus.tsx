import { type Diagnostic, formatDiagnostic } from '../markers.js';

interface QueryStatusProps {
  readonly diagnostics: readonly Diagnostic[];
  readonly editedSinceRun: boolean;
  /** A passing message, e.g. why Format left the text alone. */
  readonly notice?: string | null;
}

/** The line under the editor: the first problem in the query, or that it parses. */
export function QueryStatus({ diagnostics, editedSinceRun, notice }: QueryStatusProps) {
  const first = diagnostics[0];
  return (
    <div className="flex h-6 items-center gap-3 border-t border-slate-100 px-4 text-xs dark:border-slate-800" aria-live="polite">
      {first ? (
        <span data-testid="query-error" className="truncate font-mono text-red-700 dark:text-red-400" title={first.message}>
          {formatDiagnostic(first)}
          {diagnostics.length > 1 ? ` (+${diagnostics.length - 1} more)` : ''}
        </span>
      ) : (
        <span className="text-emerald-700 dark:text-emerald-400">✓ Query parses</span>
      )}
      {notice ? <span className="text-amber-700 dark:text-amber-400">{notice}</span> : null}
      {editedSinceRun && <span className="ml-auto shrink-0 text-slate-500">Edited since the last run</span>}
    </div>
  );
}
