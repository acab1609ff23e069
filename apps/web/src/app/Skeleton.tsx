/**
 * Loading placeholders: grey bars where content is about to appear, so the first paint never
 * states something false ("no corpora", "no guide", an error) before the data has arrived.
 * Each is announced once as busy to assistive technology, with what it is waiting for.
 */

/** Widths cycled through by the bars, so a block of them reads as text, not as a table. */
const WIDTHS = ['w-11/12', 'w-4/5', 'w-full', 'w-2/3', 'w-5/6', 'w-3/4'] as const;

function Bar({ className }: { className: string }) {
  return (
    <span
      aria-hidden
      className={`block animate-pulse rounded bg-slate-200 dark:bg-slate-700/70 ${className}`}
    />
  );
}

/** `lines` bars of text, labelled for screen readers ("Loading the guide"). */
export function SkeletonText({
  label,
  lines = 3,
  className = '',
}: {
  readonly label: string;
  readonly lines?: number;
  readonly className?: string;
}) {
  return (
    <div
      role="status"
      aria-busy="true"
      aria-label={label}
      data-testid="skeleton"
      className={`space-y-2 ${className}`}
    >
      {Array.from({ length: lines }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the bars are identical and never reorder
        <Bar key={i} className={`h-3 ${WIDTHS[i % WIDTHS.length]}`} />
      ))}
    </div>
  );
}

/** One bar the size of a form control (the corpus picker while corpora load). */
export function SkeletonControl({
  label,
  className = 'w-72',
}: {
  readonly label: string;
  readonly className?: string;
}) {
  return (
    <div
      role="status"
      aria-busy="true"
      aria-label={label}
      data-testid="skeleton"
      className="flex items-center gap-2"
    >
      <Bar className={`h-7 ${className}`} />
    </div>
  );
}

/** The rule header while the rule loads: a title bar and a row of chips. */
export function SkeletonRuleHeader() {
  return (
    <div
      role="status"
      aria-busy="true"
      aria-label="Loading the rule"
      data-testid="skeleton"
      className="min-w-0 flex-1 space-y-2 pt-1"
    >
      <Bar className="h-4 w-96 max-w-full" />
      <div className="flex gap-2">
        <Bar className="h-3 w-24" />
        <Bar className="h-3 w-16" />
        <Bar className="h-3 w-40" />
      </div>
    </div>
  );
}
