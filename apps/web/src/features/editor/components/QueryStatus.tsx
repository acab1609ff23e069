import { isError } from '../diagnose.js';
import { type Diagnostic, formatDiagnostic } from '../markers.js';

interface QueryStatusProps {
  /** No query yet (the rule is loading): say nothing about it. */
  readonly loading?: boolean;
  readonly diagnostics: readonly Diagnostic[];
  readonly editedSinceRun: boolean;
  /** A passing message, e.g. why Format left the text alone. */
  readonly notice?: string | null;
}

/** The line under the editor: the first error in the query, else its warnings, else that it parses. */
export function QueryStatus({ loading = false, diagnostics, editedSinceRun, notice }: QueryStatusProps) {
  const errors = diagnostics.filter(isError);
  const warnings = diagnostics.filter((d) => !isError(d));
  const firstError = errors[0];
  const firstWarning = warnings[0];
  return (
    <div
      className="flex h-6 items-center gap-3 border-t border-slate-100 px-4 text-xs dark:border-slate-800"
      aria-live="polite"
    >
      {loading ? null : firstError ? (
        <span
          data-testid="query-error"
          className="truncate font-mono text-red-700 dark:text-red-400"
          title={firstError.message}
        >
          {formatDiagnostic(firstError)}
          {errors.length > 1 ? ` (+${errors.length - 1} more)` : ''}
        </span>
      ) : firstWarning ? (
        <span
          data-testid="query-warning"
          className="truncate font-mono text-amber-700 dark:text-amber-400"
          title={firstWarning.message}
        >
          ⚠ {formatDiagnostic(firstWarning)}
          {warnings.length > 1 ? ` (+${warnings.length - 1} more)` : ''}
        </span>
      ) : (
        <span className="text-emerald-700 dark:text-emerald-400">✓ Query parses</span>
      )}
      {notice ? <span className="shrink-0 text-amber-700 dark:text-amber-400">{notice}</span> : null}
      {editedSinceRun && (
        <span className="ml-auto shrink-0 text-slate-500 dark:text-slate-400">Edited since the last run</span>
      )}
    </div>
  );
}
