import { useId } from 'react';
import { SIZE_CHOICES } from '../types.js';

interface RunControlsProps {
  readonly size: number;
  readonly onSizeChange: (size: number) => void;
  readonly onRun: () => void;
  readonly canRun: boolean;
  /** Why Run is disabled, shown as its tooltip (e.g. the rule is not EQL). */
  readonly cannotRunReason?: string | undefined;
  readonly running: boolean;
  /** Run automatically as the query changes. */
  readonly live: boolean;
  readonly onLiveChange: (live: boolean) => void;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function RunControls({
  size,
  onSizeChange,
  onRun,
  canRun,
  cannotRunReason,
  running,
  live,
  onLiveChange,
}: RunControlsProps) {
  const sizeId = useId();
  const liveId = useId();
  return (
    <div className="flex items-center gap-3">
      <div className="flex items-center gap-2">
        <label htmlFor={sizeId} className="text-xs font-medium text-slate-600 dark:text-slate-400">
          Size
        </label>
        <select
          id={sizeId}
          data-testid="size-picker"
          className="field-control"
          value={size}
          onChange={(e) => onSizeChange(Number(e.target.value))}
        >
          {SIZE_CHOICES.map((n) => (
            <option key={n} value={n}>
              {n.toLocaleString('en-US')}
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        data-testid="run-button"
        className="btn-primary"
        onClick={onRun}
        disabled={!canRun}
        aria-keyshortcuts={isMac ? 'Meta+Enter' : 'Control+Enter'}
        title={
          !canRun && cannotRunReason
            ? cannotRunReason
            : `Run the query over the corpus (${isMac ? '⌘' : 'Ctrl'}+Enter)`
        }
      >
        {running ? (
          <span
            aria-hidden
            className="size-3 animate-spin rounded-full border-2 border-white/40 border-t-white"
          />
        ) : (
          <svg aria-hidden viewBox="0 0 12 12" className="size-3 fill-current">
            <path d="M2.5 1.5v9l8-4.5z" />
          </svg>
        )}
        Run
        <span className="kbd">{isMac ? '⌘↵' : 'Ctrl+↵'}</span>
      </button>
      <div className="flex items-center gap-1.5" title="Run the query as you type (after a short pause)">
        <input
          id={liveId}
          data-testid="live-toggle"
          type="checkbox"
          className="size-3.5 accent-sky-700"
          checked={live}
          onChange={(e) => onLiveChange(e.target.checked)}
        />
        <label htmlFor={liveId} className="text-xs font-medium text-slate-600 dark:text-slate-400">
          Live
        </label>
      </div>
    </div>
  );
}
