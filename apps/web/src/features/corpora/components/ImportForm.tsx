import { useEffect, useId, useState } from 'react';
import { useCorpusUpload } from '../api/upload-corpus.js';
import { defaultCorpusName, formatBytes, formatCount } from '../corpus-format.js';
import type { Corpus } from '../types.js';
import { FileDropZone } from './FileDropZone.js';
import { ImportReportView } from './ImportReportView.js';
import { UploadProgress } from './UploadProgress.js';

interface ImportFormProps {
  /** Files dropped elsewhere on the page, handed over once. */
  readonly initialFiles?: readonly File[] | undefined;
  readonly onImported: (corpus: Corpus) => void;
}

/** Choose files → name → upload with progress → the import report (and, if needed, the retry). */
export function ImportForm({ initialFiles, onImported }: ImportFormProps) {
  const ids = useId();
  const [files, setFiles] = useState<readonly File[]>(initialFiles ?? []);
  const [name, setName] = useState(() => defaultCorpusName((initialFiles ?? []).map((f) => f.name)));
  const [nameEdited, setNameEdited] = useState(false);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const upload = useCorpusUpload();
  const { state } = upload;

  // Only a new drop from outside replaces the files; the name the user typed stays.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs for a new drop only, not for edits.
  useEffect(() => {
    if (initialFiles && initialFiles.length > 0) {
      setFiles(initialFiles);
      upload.reset();
      if (!nameEdited) setName(defaultCorpusName(initialFiles.map((f) => f.name)));
    }
  }, [initialFiles]);

  const chooseFiles = (next: readonly File[]) => {
    setFiles(next);
    upload.reset();
    if (!nameEdited) setName(defaultCorpusName(next.map((f) => f.name)));
  };
  const start = async (skip: boolean) => {
    const final = await upload.start(files, { name, skipInvalid: skip });
    if (final.phase === 'done') onImported(final.corpus);
  };
  const busy = state.phase === 'uploading';
  const totalSize = files.reduce((sum, f) => sum + f.size, 0);

  return (
    <form
      className="space-y-3"
      aria-label="Import events"
      onSubmit={(e) => {
        e.preventDefault();
        if (files.length > 0 && !busy) void start(skipInvalid);
      }}
    >
      <FileDropZone onFiles={chooseFiles} />
      {files.length > 0 && (
        <ul data-testid="upload-files" className="space-y-0.5 text-xs text-slate-700 dark:text-slate-300">
          {files.map((file, i) => (
            <li key={`${file.name}:${file.size}:${file.lastModified}`} className="flex items-center gap-2">
              <span className="min-w-0 flex-1 truncate font-mono" title={file.name}>
                {file.name}
              </span>
              <span className="shrink-0 tabular-nums text-slate-500 dark:text-slate-400">
                {formatBytes(file.size)}
              </span>
              <button
                type="button"
                className="btn h-5 px-1.5 text-[11px]"
                aria-label={`Remove ${file.name}`}
                disabled={busy}
                onClick={() => chooseFiles(files.filter((_, j) => j !== i))}
              >
                Remove
              </button>
            </li>
          ))}
          {files.length > 1 && (
            <li className="text-slate-500 dark:text-slate-400">
              {formatCount(files.length, 'file')}, {formatBytes(totalSize)} together
            </li>
          )}
        </ul>
      )}
      <div className="flex flex-wrap items-end gap-3">
        <label
          htmlFor={`${ids}-name`}
          className="flex min-w-0 flex-1 flex-col gap-1 text-xs font-medium text-slate-700 dark:text-slate-300"
        >
          Corpus name
          <input
            id={`${ids}-name`}
            data-testid="upload-name"
            className="field-control w-full"
            maxLength={200}
            value={name}
            placeholder="Named after the file"
            disabled={busy}
            onChange={(e) => {
              setName(e.target.value);
              setNameEdited(e.target.value !== '');
            }}
          />
        </label>
        <label
          className="flex h-7 items-center gap-1.5 text-xs text-slate-700 dark:text-slate-300"
          title="Import the good records and list the bad ones; otherwise one bad record stores nothing"
        >
          <input
            type="checkbox"
            data-testid="upload-skip-invalid"
            checked={skipInvalid}
            disabled={busy}
            onChange={(e) => setSkipInvalid(e.target.checked)}
          />
          Skip bad records
        </label>
        <button
          type="submit"
          className="btn-primary"
          data-testid="upload-button"
          disabled={files.length === 0 || busy}
        >
          Import
        </button>
      </div>

      {state.phase === 'uploading' && <UploadProgress state={state} onCancel={upload.cancel} />}
      {state.phase === 'cancelled' && (
        <p className="text-xs text-slate-600 dark:text-slate-400" role="status">
          Import cancelled; nothing was stored.
        </p>
      )}
      {state.phase === 'done' && (
        <div className="space-y-2" data-testid="import-done">
          <div
            role="progressbar"
            aria-label="Import progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={100}
            className="h-2 overflow-hidden rounded bg-green-600 dark:bg-green-500"
          />
          <p role="status" className="text-sm text-green-800 dark:text-green-300">
            Imported {formatCount(state.report.imported, 'event')} into “{state.corpus.name}”; it is now the
            selected corpus.
          </p>
          <ImportReportView report={state.report} stored />
        </div>
      )}
      {state.phase === 'rejected' && (
        <div className="space-y-2" data-testid="import-failed">
          <p role="alert" className="text-sm text-red-800 dark:text-red-300">
            {state.code === 'invalid_records' && state.report
              ? `Nothing was stored: ${formatCount(state.report.rejected, 'record')} could not be imported.`
              : `Import failed: ${state.message}`}
          </p>
          {state.report && <ImportReportView report={state.report} stored={false} />}
          {state.code === 'invalid_records' && state.report && state.report.read > state.report.rejected && (
            <div className="flex flex-wrap items-center gap-2 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-xs text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200">
              <span className="min-w-0 flex-1">
                You can import the {formatCount(state.report.read - state.report.rejected, 'good record')} and
                leave out the {formatCount(state.report.rejected, 'bad one', 'bad ones')} listed above.
              </span>
              <button
                type="button"
                className="btn h-7 text-xs"
                data-testid="upload-retry-skip"
                onClick={() => {
                  setSkipInvalid(true);
                  void start(true);
                }}
              >
                Import skipping {formatCount(state.report.rejected, 'bad record')}
              </button>
            </div>
          )}
        </div>
      )}
    </form>
  );
}
