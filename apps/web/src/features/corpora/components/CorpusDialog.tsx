import { useEffect, useId, useRef } from 'react';
import type { Corpus } from '../types.js';
import { CorpusListItem } from './CorpusListItem.js';
import { ImportForm } from './ImportForm.js';

interface CorpusDialogProps {
  readonly corpora: readonly Corpus[];
  readonly selectedId: string | undefined;
  readonly initialFiles: readonly File[] | undefined;
  readonly onImported: (corpus: Corpus) => void;
  readonly onDeleted: (id: string) => void;
  readonly onClose: () => void;
}

/** A modal (native `<dialog>`: focus stays inside, Escape closes) to import, rename and delete corpora. */
export function CorpusDialog(props: CorpusDialogProps) {
  const { corpora, selectedId, initialFiles, onImported, onDeleted, onClose } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const ids = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the backdrop click mirrors Escape, which <dialog> handles itself.
    <dialog
      ref={ref}
      aria-labelledby={`${ids}-title`}
      data-testid="corpus-dialog"
      onClose={onClose}
      onClick={(e) => {
        // A click on the backdrop lands on the dialog element itself.
        if (e.target === e.currentTarget) onClose();
      }}
      className="m-auto max-h-[90vh] w-[min(44rem,calc(100vw-2rem))] overflow-hidden rounded-lg border border-slate-300 bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-950/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <div className="flex max-h-[90vh] flex-col">
        <div className="flex items-center border-b border-slate-200 px-4 py-2 dark:border-slate-700">
          <h2 id={`${ids}-title`} className="text-base font-semibold">
            Corpora
          </h2>
          <button type="button" className="btn ml-auto h-7 px-2 text-xs" onClick={onClose}>
            Close
          </button>
        </div>
        <div className="min-h-0 flex-1 space-y-4 overflow-y-auto p-4">
          <section aria-labelledby={`${ids}-import`} className="space-y-2">
            <h3 id={`${ids}-import`} className="text-sm font-semibold">
              Import events as a new corpus
            </h3>
            <ImportForm initialFiles={initialFiles} onImported={onImported} />
          </section>
          <section aria-labelledby={`${ids}-list`} className="space-y-2">
            <h3 id={`${ids}-list`} className="text-sm font-semibold">
              Your corpora
            </h3>
            <ul data-testid="corpus-list" className="rounded border border-slate-200 dark:border-slate-700">
              {corpora.map((corpus) => (
                <CorpusListItem
                  key={corpus.id}
                  corpus={corpus}
                  selected={corpus.id === selectedId}
                  onDeleted={onDeleted}
                />
              ))}
            </ul>
          </section>
        </div>
      </div>
    </dialog>
  );
}
