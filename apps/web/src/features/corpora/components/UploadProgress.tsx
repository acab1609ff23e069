import { formatBytes, formatCount } from '../corpus-format.js';
import { progressFraction, type UploadingState } from '../upload-progress.js';

/** A progress bar for one upload: bytes sent (or imported, once the server says) and records read. */
export function UploadProgress({ state, onCancel }: { state: UploadingState; onCancel: () => void }) {
  const fraction = progressFraction(state);
  const percent = fraction === null ? undefined : Math.round(fraction * 100);
  const sentAll = state.totalBytes !== null && state.sentBytes >= state.totalBytes;
  const label =
    state.read > 0
      ? `Importing… ${formatCount(state.read, 'record')} read, ${new Intl.NumberFormat('en-US').format(state.imported)} imported`
      : sentAll
        ? 'Importing…'
        : state.totalBytes !== null
          ? `Uploading… ${formatBytes(state.sentBytes)} of ${formatBytes(state.totalBytes)}`
          : 'Uploading…';
  return (
    <div data-testid="upload-progress" className="space-y-1">
      <div className="flex items-center justify-between gap-2 text-xs text-slate-700 dark:text-slate-300">
        <span aria-live="polite">{label}</span>
        <span className="flex items-center gap-2">
          {percent !== undefined && <span className="tabular-nums">{percent}%</span>}
          <button type="button" className="btn h-6 px-2 text-xs" onClick={onCancel}>
            Cancel
          </button>
        </span>
      </div>
      <div
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={percent === undefined ? label : `${percent}%: ${label}`}
        className="h-2 overflow-hidden rounded bg-slate-200 dark:bg-slate-700"
      >
        <div
          className={`h-full rounded bg-sky-600 transition-[width] dark:bg-sky-500 ${percent === undefined ? 'w-1/3 animate-pulse' : ''}`}
          style={percent === undefined ? undefined : { width: `${percent}%` }}
        />
      </div>
    </div>
  );
}
