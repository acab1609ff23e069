import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useCorpusFields } from '../../corpora/api/get-corpus-fields.js';
import { formatCount } from '../../corpora/corpus-format.js';
import type { Corpus } from '../../corpora/types.js';
import type { SelectedHit } from '../../search/components/MatchList.js';
import { loadColumns, saveColumns } from '../columns.js';
import { parseBound, parseFilter } from '../event-filter.js';
import { useDebounced } from '../use-debounced.js';
import { useEventRows } from '../use-event-rows.js';
import { ColumnChooser } from './ColumnChooser.js';
import { EventsGrid } from './EventsGrid.js';

/** Selection keys of table rows, distinct from the match list's `e:` keys. */
export const TABLE_KEY_PREFIX = 't:';

interface EventsTableProps {
  readonly corpus: Corpus | undefined;
  readonly selectedKey: string | undefined;
  readonly onSelect: (selection: SelectedHit) => void;
}

const browserStorage = typeof window === 'undefined' ? undefined : window.localStorage;

function boundError(name: string, text: string): string | null {
  return parseBound(text) === null ? `${name}: use ISO-8601 (2021-11-30T22:05:00Z) or epoch millis` : null;
}

/** Every event of the corpus in a virtualized, filterable table with a choice of columns. */
/** A corpus bound as a hint, without milliseconds so it fits the box at 1280 px. */
function placeholderTime(iso: string | null | undefined): string {
  return iso ? iso.replace(/\.\d+Z$/, 'Z') : 'ISO-8601';
}

export function EventsTable({ corpus, selectedKey, onSelect }: EventsTableProps) {
  const ids = useId();
  const [columns, setColumns] = useState(() => loadColumns(browserStorage));
  const [filterInput, setFilterInput] = useState('');
  const [fromInput, setFromInput] = useState('');
  const [toInput, setToInput] = useState('');
  const filterText = useDebounced(filterInput, 300);
  const fromText = useDebounced(fromInput, 500);
  const toText = useDebounced(toInput, 500);

  const fields = useCorpusFields(corpus?.id);
  const catalogue = fields.data ?? [];
  const known = useMemo(() => new Set(catalogue.map((f) => f.name)), [catalogue]);
  const typesOf = useCallback(
    (field: string) => catalogue.find((f) => f.name === field)?.types ?? [],
    [catalogue],
  );
  const parsed = useMemo(() => parseFilter(filterText, known), [filterText, known]);
  const fromError = boundError('From', fromText);
  const toError = boundError('To', toText);

  const changeColumns = (next: readonly string[]) => {
    setColumns(next);
    saveColumns(browserStorage, next);
  };

  if (corpus === undefined) {
    return (
      <p className="p-4 text-sm text-slate-500 dark:text-slate-400">Choose a corpus to see its events.</p>
    );
  }

  const filtering = parsed.text !== '' || parsed.terms.length > 0 || fromText !== '' || toText !== '';
  return (
    <div className="flex min-h-0 flex-1 flex-col" data-testid="events-table">
      <div className="flex shrink-0 flex-col gap-1.5 border-b border-slate-200 px-2 py-1.5 dark:border-slate-800">
        <div className="flex items-center gap-2">
          <input
            type="search"
            aria-label="Filter events"
            aria-describedby={`${ids}-filter-help`}
            data-testid="events-filter"
            placeholder="Filter: text or field:value"
            title="Free text, or field:value with * and ? wildcards (e.g. process.name:power*)"
            className="field-control h-7 min-w-0 flex-1 text-xs"
            value={filterInput}
            onChange={(e) => setFilterInput(e.target.value)}
          />
          <ColumnChooser columns={columns} fields={catalogue} onChange={changeColumns} />
        </div>
        <div className="flex items-center gap-2 text-xs">
          <label className="flex min-w-0 flex-1 items-center gap-1 text-slate-600 dark:text-slate-400">
            From
            <input
              className={`field-control h-6 w-full min-w-0 px-1.5 text-xs tabular-nums ${fromError ? 'border-red-600 dark:border-red-500' : ''}`}
              placeholder={placeholderTime(corpus.minTimestamp)}
              aria-invalid={fromError !== null}
              value={fromInput}
              onChange={(e) => setFromInput(e.target.value)}
            />
          </label>
          <label className="flex min-w-0 flex-1 items-center gap-1 text-slate-600 dark:text-slate-400">
            To
            <input
              className={`field-control h-6 w-full min-w-0 px-1.5 text-xs tabular-nums ${toError ? 'border-red-600 dark:border-red-500' : ''}`}
              placeholder={placeholderTime(corpus.maxTimestamp)}
              aria-invalid={toError !== null}
              value={toInput}
              onChange={(e) => setToInput(e.target.value)}
            />
          </label>
        </div>
        <p id={`${ids}-filter-help`} className="sr-only">
          Free text is searched anywhere in the event JSON, ignoring case. A word like field:value, for a
          field of this corpus, compares that field with EQL's colon operator: case-insensitive, with * and ?
          wildcards.
        </p>
      </div>
      {fromError || toError ? (
        <p role="alert" className="p-3 text-xs text-red-700 dark:text-red-400">
          {fromError ?? toError}
        </p>
      ) : (
        <EventsBody
          key={`${corpus.id}\u0000${filterText}\u0000${fromText}\u0000${toText}`}
          corpus={corpus}
          columns={columns}
          text={parsed.text}
          terms={parsed.terms}
          from={fromText.trim()}
          to={toText.trim()}
          typesOf={typesOf}
          filtering={filtering}
          selectedKey={selectedKey}
          onSelect={onSelect}
        />
      )}
    </div>
  );
}

interface EventsBodyProps extends Omit<EventsTableProps, 'corpus'> {
  readonly corpus: Corpus;
  readonly columns: readonly string[];
  readonly text: string;
  readonly terms: ReturnType<typeof parseFilter>['terms'];
  readonly from: string;
  readonly to: string;
  readonly typesOf: (field: string) => readonly string[];
  readonly filtering: boolean;
}

/** One corpus under one filter: remounted when either changes, so selection and scroll start over. */
function EventsBody(props: EventsBodyProps) {
  const { corpus, columns, text, terms, from, to, typesOf, filtering, selectedKey, onSelect } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState({ first: 0, last: 0 });
  const [activeIndex, setActiveIndex] = useState(-1);
  const rows = useEventRows({ corpus: corpus.id, text, terms, from, to, typesOf }, visible);
  const onVisibleChange = useCallback(
    (first: number, last: number) =>
      setVisible((v) => (v.first === first && v.last === last ? v : { first, last })),
    [],
  );

  // The selection follows the active row as soon as its page is there.
  const activeHit = activeIndex >= 0 ? rows.rowAt(activeIndex) : undefined;
  useEffect(() => {
    if (activeHit === undefined) return;
    const key = `${TABLE_KEY_PREFIX}${activeHit._id}`;
    if (key !== selectedKey) onSelect({ key, hit: activeHit });
  }, [activeHit, selectedKey, onSelect]);

  const selectedId = selectedKey?.startsWith(TABLE_KEY_PREFIX)
    ? selectedKey.slice(TABLE_KEY_PREFIX.length)
    : undefined;

  return (
    <>
      <div
        className="flex min-h-6 shrink-0 items-center gap-2 border-b border-slate-200 px-3 py-0.5 text-xs text-slate-600 dark:border-slate-800 dark:text-slate-400"
        aria-live="polite"
      >
        <span data-testid="events-count">
          {rows.total === undefined
            ? rows.error
              ? ''
              : 'Loading events…'
            : filtering
              ? `${formatCount(rows.total, 'event')} of ${new Intl.NumberFormat('en-US').format(corpus.eventCount)} match`
              : formatCount(rows.total, 'event')}
        </span>
        {rows.capped && <span>(the field filter shows the first 10,000)</span>}
        {rows.query !== undefined && (
          <code
            className="ml-auto min-w-0 truncate font-mono text-[11px]"
            title={rows.query}
            data-testid="events-eql"
          >
            {rows.query}
          </code>
        )}
      </div>
      {rows.error ? (
        <p role="alert" className="p-3 text-xs text-red-700 dark:text-red-400">
          Could not load events: {rows.error instanceof Error ? rows.error.message : String(rows.error)}
        </p>
      ) : rows.total === 0 ? (
        <p className="p-4 text-sm text-slate-500 dark:text-slate-400">
          {filtering ? 'No event matches this filter.' : 'This corpus has no events.'}
        </p>
      ) : (
        <EventsGrid
          label={`Events of ${corpus.name}`}
          columns={columns}
          count={rows.total ?? 0}
          rowAt={rows.rowAt}
          activeIndex={activeIndex}
          selectedId={selectedId}
          onActivate={setActiveIndex}
          onVisibleChange={onVisibleChange}
          scrollRef={scrollRef}
        />
      )}
    </>
  );
}
