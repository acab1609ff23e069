import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { CorpusField } from '../../corpora/types.js';
import { DEFAULT_COLUMNS, filterFieldNames, toggleColumn } from '../columns.js';

interface ColumnChooserProps {
  readonly columns: readonly string[];
  readonly fields: readonly CorpusField[];
  readonly onChange: (columns: readonly string[]) => void;
}

const numberFormat = new Intl.NumberFormat('en-US');

/** The "Columns" button and its popover: every field of the corpus, searchable, as checkboxes. */
export function ColumnChooser({ columns, fields, onChange }: ColumnChooserProps) {
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState('');
  const ids = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  const counts = useMemo(() => new Map(fields.map((f) => [f.name, f.count])), [fields]);
  // Chosen columns first (even ones this corpus lacks), then the rest of the catalogue.
  const names = useMemo(
    () => [...columns, ...fields.map((f) => f.name).filter((n) => !columns.includes(n))],
    [columns, fields],
  );
  const shown = filterFieldNames(names, filter);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (e.target instanceof Node && !root.current?.contains(e.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        className="btn h-7 px-2 text-xs"
        aria-expanded={open}
        aria-controls={`${ids}-popover`}
        data-testid="events-columns-button"
        onClick={() => setOpen((v) => !v)}
      >
        Columns ({columns.length})
      </button>
      {open && (
        <div
          id={`${ids}-popover`}
          role="dialog"
          aria-label="Choose columns"
          data-testid="events-columns"
          className="absolute right-0 z-30 mt-1 flex max-h-96 w-72 flex-col rounded border border-slate-300 bg-white shadow-lg dark:border-slate-600 dark:bg-slate-900"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              close();
            }
          }}
        >
          <div className="flex items-center gap-2 border-b border-slate-200 p-2 dark:border-slate-700">
            <input
              // biome-ignore lint/a11y/noAutofocus: the popover opens to pick a field; typing filters at once.
              autoFocus
              type="search"
              aria-label="Filter fields"
              placeholder="Filter fields…"
              className="field-control h-7 min-w-0 flex-1 text-xs"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
            />
            <button
              type="button"
              className="btn h-7 px-2 text-xs"
              onClick={() => onChange(DEFAULT_COLUMNS)}
              title={`Back to ${DEFAULT_COLUMNS.join(', ')}`}
            >
              Defaults
            </button>
          </div>
          <ul className="min-h-0 flex-1 overflow-y-auto py-1 text-xs" aria-label="Fields">
            {shown.length === 0 && (
              <li className="px-3 py-2 text-slate-500 dark:text-slate-400">No field matches.</li>
            )}
            {shown.map((name) => {
              const count = counts.get(name);
              return (
                <li key={name}>
                  <label className="flex cursor-pointer items-center gap-2 px-3 py-1 hover:bg-slate-100 dark:hover:bg-slate-800">
                    <input
                      type="checkbox"
                      checked={columns.includes(name)}
                      disabled={columns.length === 1 && columns.includes(name)}
                      onChange={() => onChange(toggleColumn(columns, name))}
                    />
                    <span className="min-w-0 flex-1 truncate font-mono" title={name}>
                      {name}
                    </span>
                    <span className="shrink-0 text-slate-500 dark:text-slate-400">
                      {count === undefined ? 'absent' : numberFormat.format(count)}
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}
