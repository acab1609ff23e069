import { useId, useState } from 'react';
import { ApiError } from '../../../lib/api-client.js';
import { useDeleteCorpus } from '../api/delete-corpus.js';
import { useRenameCorpus } from '../api/update-corpus.js';
import { formatCount, formatTimeRange } from '../corpus-format.js';
import type { Corpus } from '../types.js';

function problem(error: unknown): string {
  return error instanceof ApiError || error instanceof Error ? error.message : String(error);
}

/** One corpus: what it holds, and rename/delete for uploads (bundled ones say why they can't). */
interface CorpusListItemProps {
  readonly corpus: Corpus;
  readonly selected: boolean;
  readonly onDeleted: (id: string) => void;
}

export function CorpusListItem({ corpus, selected, onDeleted }: CorpusListItemProps) {
  const ids = useId();
  const [mode, setMode] = useState<'view' | 'rename' | 'delete'>('view');
  const [draft, setDraft] = useState(corpus.name);
  const rename = useRenameCorpus();
  const remove = useDeleteCorpus();
  const bundled = corpus.source === 'bundled';
  const range = formatTimeRange(corpus.minTimestamp, corpus.maxTimestamp);

  const saveName = () => {
    const name = draft.trim();
    if (name === '' || name === corpus.name) {
      setMode('view');
      return;
    }
    rename.mutate({ id: corpus.id, name }, { onSuccess: () => setMode('view') });
  };

  return (
    <li
      data-testid="corpus-item"
      data-corpus-id={corpus.id}
      className="border-b border-slate-200 px-3 py-2 last:border-b-0 dark:border-slate-700"
    >
      {mode === 'rename' ? (
        <form
          className="flex items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            saveName();
          }}
        >
          <label htmlFor={`${ids}-name`} className="sr-only">
            New name for {corpus.name}
          </label>
          <input
            id={`${ids}-name`}
            // biome-ignore lint/a11y/noAutofocus: Rename was just pressed; the name is what comes next.
            autoFocus
            data-testid="corpus-rename-input"
            className="field-control min-w-0 flex-1"
            maxLength={200}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                e.stopPropagation();
                setMode('view');
              }
            }}
          />
          <button
            type="submit"
            className="btn-primary h-7"
            disabled={rename.isPending || draft.trim() === ''}
          >
            Save
          </button>
          <button type="button" className="btn" onClick={() => setMode('view')}>
            Cancel
          </button>
        </form>
      ) : (
        <div className="flex items-start gap-3">
          <div className="min-w-0 flex-1">
            <div className="flex items-center gap-2">
              <span
                className="truncate text-sm font-semibold"
                data-testid="corpus-item-name"
                title={corpus.name}
              >
                {corpus.name}
              </span>
              {selected && (
                <span className="shrink-0 rounded bg-sky-100 px-1.5 text-[11px] font-medium text-sky-900 dark:bg-sky-900 dark:text-sky-100">
                  selected
                </span>
              )}
              {bundled && (
                <span
                  className="shrink-0 rounded bg-slate-200 px-1.5 text-[11px] font-medium text-slate-700 dark:bg-slate-700 dark:text-slate-200"
                  title="Bundled corpora ship with Rulebench and cannot be renamed or deleted"
                >
                  bundled · read-only
                </span>
              )}
            </div>
            <div className="text-xs text-slate-600 dark:text-slate-400">
              <span data-testid="corpus-item-count">{formatCount(corpus.eventCount, 'event')}</span>
              {range && <> · {range}</>}
              {corpus.origin && corpus.origin !== corpus.name && (
                <>
                  {' '}
                  · from <span className="font-mono">{corpus.origin}</span>
                </>
              )}
            </div>
          </div>
          {bundled ? (
            <p className="w-40 shrink-0 text-right text-[11px] text-slate-500 dark:text-slate-400">
              Read-only: upload a copy to change it.
            </p>
          ) : (
            <div className="flex shrink-0 gap-1.5">
              <button
                type="button"
                className="btn h-7 px-2 text-xs"
                aria-label={`Rename ${corpus.name}`}
                onClick={() => {
                  setDraft(corpus.name);
                  rename.reset();
                  setMode('rename');
                }}
              >
                Rename
              </button>
              <button
                type="button"
                className="btn h-7 px-2 text-xs"
                aria-label={`Delete ${corpus.name}`}
                onClick={() => {
                  remove.reset();
                  setMode('delete');
                }}
              >
                Delete
              </button>
            </div>
          )}
        </div>
      )}
      {mode === 'delete' && (
        <div
          role="alertdialog"
          aria-labelledby={`${ids}-confirm`}
          className="mt-2 flex flex-wrap items-center gap-2 rounded border border-red-300 bg-red-50 px-3 py-2 text-xs dark:border-red-900 dark:bg-red-950/40"
        >
          <span id={`${ids}-confirm`} className="min-w-0 flex-1 text-red-900 dark:text-red-200">
            Delete “{corpus.name}” and its {formatCount(corpus.eventCount, 'event')}? This cannot be undone.
          </span>
          <button
            type="button"
            className="inline-flex h-7 items-center rounded bg-red-700 px-2.5 text-xs font-semibold text-white hover:bg-red-800 disabled:opacity-50"
            data-testid="corpus-delete-confirm"
            disabled={remove.isPending}
            onClick={() => remove.mutate(corpus.id, { onSuccess: () => onDeleted(corpus.id) })}
          >
            Delete corpus
          </button>
          <button
            type="button"
            className="btn h-7 px-2 text-xs"
            // biome-ignore lint/a11y/noAutofocus: the safe choice takes focus in a destructive confirmation.
            autoFocus
            onClick={() => setMode('view')}
          >
            Keep it
          </button>
        </div>
      )}
      {(rename.isError || remove.isError) && (
        <p role="alert" className="mt-1 text-xs text-red-700 dark:text-red-400">
          {problem(rename.error ?? remove.error)}
        </p>
      )}
    </li>
  );
}
