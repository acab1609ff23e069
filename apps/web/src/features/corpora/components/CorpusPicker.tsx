import { useEffect, useId, useState } from 'react';
import { formatCount, formatTimeRange } from '../corpus-format.js';
import type { Corpus } from '../types.js';
import { CorpusDialog } from './CorpusDialog.js';

interface CorpusPickerProps {
  readonly corpora: readonly Corpus[];
  readonly value: string | undefined;
  readonly onChange: (id: string) => void;
  readonly disabled?: boolean;
}

/** Longer option texts would be cut by the picker at 1280 px; the range is in its tooltip too. */
const OPTION_TEXT_MAX = 50;

function optionText(corpus: Corpus): string {
  const range = formatTimeRange(corpus.minTimestamp, corpus.maxTimestamp, true);
  const short = `${corpus.name} — ${formatCount(corpus.eventCount, 'event')}`;
  const full = `${short}${range ? `, ${range}` : ''}`;
  return full.length <= OPTION_TEXT_MAX ? full : short;
}

function hasFiles(e: DragEvent): boolean {
  return e.dataTransfer?.types.includes('Files') === true;
}

/**
 * Which corpus the query runs on (name, size and time span), and the way in to import, rename
 * and delete corpora. Files dragged anywhere onto the page open the import with them.
 */
export function CorpusPicker({ corpora, value, onChange, disabled = false }: CorpusPickerProps) {
  const id = useId();
  const selected = corpora.find((c) => c.id === value);
  const [dialog, setDialog] = useState<{ files?: readonly File[] } | null>(null);
  const [dragging, setDragging] = useState(false);
  const range = selected ? formatTimeRange(selected.minTimestamp, selected.maxTimestamp) : undefined;

  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth += 1;
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const over = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = 0;
      setDragging(false);
      // Inside the open dialog the drop zone handles it.
      if (e.defaultPrevented) return;
      e.preventDefault();
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length > 0) setDialog({ files });
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);

  return (
    <div className="flex min-w-0 items-center gap-2">
      <label htmlFor={id} className="text-xs font-medium text-slate-600 dark:text-slate-400">
        Corpus
      </label>
      <select
        id={id}
        data-testid="corpus-picker"
        className="field-control max-w-96 min-w-0 text-xs"
        value={value ?? ''}
        disabled={disabled || corpora.length === 0}
        onChange={(e) => onChange(e.target.value)}
        title={
          selected
            ? [optionText(selected), range, selected.description].filter(Boolean).join('\n')
            : undefined
        }
      >
        {corpora.length === 0 && <option value="">No corpora</option>}
        {corpora.map((c) => (
          <option key={c.id} value={c.id}>
            {optionText(c)}
          </option>
        ))}
      </select>
      {selected && (
        <span
          data-testid="corpus-summary"
          className="hidden whitespace-nowrap text-xs text-slate-600 2xl:inline dark:text-slate-400"
        >
          {formatCount(selected.eventCount, 'event')}
          {range && <> · {range}</>}
        </span>
      )}
      <button
        type="button"
        className="btn h-7 px-2 text-xs"
        data-testid="corpus-manage"
        onClick={() => setDialog({})}
        title="Import files as a new corpus; rename or delete corpora"
      >
        Corpora…
      </button>
      {dragging && dialog === null && (
        <div
          aria-hidden
          className="pointer-events-none fixed inset-0 z-50 grid place-items-center bg-sky-900/30 backdrop-blur-[1px]"
        >
          <div className="rounded-lg border-2 border-dashed border-sky-600 bg-white px-8 py-6 text-base font-semibold text-sky-900 shadow-xl dark:bg-slate-900 dark:text-sky-200">
            Drop to import as a new corpus
          </div>
        </div>
      )}
      {dialog !== null && (
        <CorpusDialog
          corpora={corpora}
          selectedId={value}
          initialFiles={dialog.files}
          onImported={(corpus) => onChange(corpus.id)}
          onDeleted={(id) => {
            // The selected corpus is gone: move to another one now, so the search re-runs there.
            const next = corpora.find((c) => c.id !== id);
            if (id === value && next) onChange(next.id);
          }}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
}
