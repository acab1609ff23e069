import { formatCount } from '../../corpora/corpus-format.js';

interface ForkChoiceProps {
  /** The name the snapshot's corpus had, and how many events the link kept. */
  readonly corpusName: string;
  readonly eventCount: number;
  /** The corpus the workbench would open on without them (its first), if any. */
  readonly fallbackName: string | undefined;
  readonly restoring: boolean;
  readonly error: string | null;
  readonly onRestore: () => void;
  readonly onForkWithout: () => void;
  readonly onCancel: () => void;
}

/**
 * Shown when Fork is asked for a link whose corpus is gone from this server: the link kept the
 * events, so they can come back as a corpus; forking without them says which corpus is used
 * instead, rather than switching silently.
 */
export function ForkChoice(props: ForkChoiceProps) {
  const { corpusName, eventCount, fallbackName, restoring, error } = props;
  return (
    <div
      role="dialog"
      aria-label="Fork"
      data-testid="review-fork-choice"
      className="shrink-0 border-b border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      <p>
        The corpus this link ran on, “{corpusName}”, is no longer on this server. The link kept its{' '}
        {formatCount(eventCount, 'event')}: restore them as a corpus so the fork searches exactly what the
        author searched.
      </p>
      <div className="mt-1.5 flex flex-wrap items-center gap-2">
        <button
          type="button"
          className="btn-primary"
          data-testid="review-fork-restore"
          onClick={props.onRestore}
          disabled={restoring}
        >
          {restoring ? 'Restoring…' : `Restore “${corpusName}” and fork`}
        </button>
        <button
          type="button"
          className="btn"
          data-testid="review-fork-without"
          onClick={props.onForkWithout}
          disabled={restoring}
        >
          {fallbackName === undefined ? 'Fork without events' : `Fork on “${fallbackName}” instead`}
        </button>
        <button type="button" className="btn" onClick={props.onCancel} disabled={restoring}>
          Cancel
        </button>
      </div>
      {error && (
        <p role="alert" className="mt-1 text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
