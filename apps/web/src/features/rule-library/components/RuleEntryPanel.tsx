import type { RuleListItem } from '@rulebench/rules';
import { useEffect, useId, useRef, useState } from 'react';
import { useDeleteRule } from '../api/delete-rule.js';
import { useRule } from '../api/get-rule.js';

interface RuleEntryPanelProps {
  /** The element id the row's disclosure button controls. */
  readonly id: string;
  readonly rule: RuleListItem;
  /** Open the entry at a revision (the latest when it is the entry's own). */
  readonly onOpenRevision: (revision: number) => void;
  readonly onDeleted: (id: string) => void;
}

const when = (iso: string) => iso.replace('T', ' ').replace(/\.\d+Z$/, ' UTC');

/**
 * What a library entry holds beyond its row: its revisions, each of which opens, and deleting
 * it (user entries only: bundled rules follow their files and are read-only).
 */
export function RuleEntryPanel({ id, rule, onOpenRevision, onDeleted }: RuleEntryPanelProps) {
  const ids = useId();
  const detail = useRule(rule.id);
  const remove = useDeleteRule();
  const [confirming, setConfirming] = useState(false);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const revisions = detail.data?.revisions ?? [];

  // The confirmation takes focus when it appears, and gives it back to "Delete…" when cancelled.
  useEffect(() => {
    if (confirming) cancelButton.current?.focus();
  }, [confirming]);
  const cancel = () => {
    setConfirming(false);
    requestAnimationFrame(() => deleteButton.current?.focus());
  };

  return (
    <div
      id={id}
      data-testid="library-entry-panel"
      className="mx-4 mb-2 space-y-2 rounded border border-slate-200 bg-slate-50 px-3 py-2 text-xs dark:border-slate-700 dark:bg-slate-800/60"
    >
      <section aria-labelledby={`${ids}-revisions`}>
        <h3 id={`${ids}-revisions`} className="font-semibold text-slate-700 dark:text-slate-300">
          Revisions
        </h3>
        {detail.isError && (
          <p role="alert" className="text-red-700 dark:text-red-400">
            Could not load the revisions: {detail.error.message}
          </p>
        )}
        {detail.isPending && <p className="text-slate-500 dark:text-slate-400">Loading…</p>}
        <ol className="mt-1 space-y-0.5" data-testid="library-revisions">
          {[...revisions].reverse().map((r) => (
            <li key={r.revision} data-testid="library-revision" className="flex items-baseline gap-2">
              <span className="flex-1 text-slate-700 dark:text-slate-300">
                <span className="font-medium">Revision {r.revision}</span>
                {r.revision === rule.revision ? ' (latest)' : ''} · {r.format.toUpperCase()}
                {r.origin ? ` · ${r.origin}` : ''} · {when(r.created_at)}
              </span>
              <button
                type="button"
                className="btn h-6 px-2 text-xs"
                data-testid="library-open-revision"
                onClick={() => onOpenRevision(r.revision)}
              >
                Open<span className="sr-only"> revision {r.revision}</span>
              </button>
            </li>
          ))}
        </ol>
      </section>
      {rule.read_only ? (
        <p data-testid="library-delete-bundled" className="text-slate-600 dark:text-slate-400">
          Bundled rules are read-only and cannot be deleted. Open it and use “Save as” to make an editable
          copy.
        </p>
      ) : confirming ? (
        <div
          role="alertdialog"
          aria-labelledby={`${ids}-confirm`}
          data-testid="library-delete-confirm"
          className="flex items-center gap-2 rounded border border-red-300 bg-red-50 px-2 py-1.5 text-red-950 dark:border-red-900 dark:bg-red-950 dark:text-red-100"
          onKeyDown={(e) => {
            // Esc cancels the question, not the whole library.
            if (e.key !== 'Escape') return;
            e.preventDefault();
            cancel();
          }}
        >
          <p id={`${ids}-confirm`} className="flex-1">
            Delete “{rule.name}” and its {rule.revision} revision{rule.revision === 1 ? '' : 's'}? This cannot
            be undone.
          </p>
          <button ref={cancelButton} type="button" className="btn h-6 px-2 text-xs" onClick={cancel}>
            Cancel
          </button>
          <button
            type="button"
            className="btn h-6 px-2 text-xs text-red-800 dark:text-red-300"
            data-testid="library-delete-confirm-button"
            disabled={remove.isPending}
            onClick={() =>
              remove.mutate(rule.id, {
                onSuccess: () => {
                  setConfirming(false);
                  onDeleted(rule.id);
                },
              })
            }
          >
            Delete
          </button>
        </div>
      ) : (
        <button
          ref={deleteButton}
          type="button"
          className="btn h-6 px-2 text-xs text-red-800 dark:text-red-300"
          data-testid="library-delete"
          onClick={() => setConfirming(true)}
        >
          Delete…
        </button>
      )}
      {remove.isError && (
        <p role="alert" className="text-red-700 dark:text-red-400">
          Could not delete the rule: {remove.error.message}
        </p>
      )}
    </div>
  );
}
