import { useId, useMemo, useState } from 'react';
import { plural } from '../../../lib/plural.js';
import { EventListbox, EventRows } from '../../search/components/EventRows.js';
import type { SelectedHit } from '../../search/components/MatchRow.js';
import type { EventLike } from '../../search/match-row.js';
import {
  EXCEPTION_OPERATORS,
  type ExceptionEntry,
  type ExceptionOperator,
  needsValue,
  suppresses,
} from '../exception-match.js';
import { fromKibanaEntry, isComplete, type KibanaExceptionItem, toKibanaItem } from '../rule-exceptions.js';
import { SavedExceptions } from './SavedExceptions.js';

interface ExceptionsViewProps {
  readonly matches: readonly EventLike[];
  readonly entries: readonly ExceptionEntry[];
  readonly onEntriesChange: (entries: ExceptionEntry[]) => void;
  /** Field names offered in the field box. */
  readonly fields: readonly string[];
  readonly selectedKey: string | undefined;
  readonly onSelect: (selection: SelectedHit) => void;
  /** The exception items saved with the rule. */
  readonly saved: readonly KibanaExceptionItem[];
  /** Replaces the rule's items; absent when the rule cannot be edited. */
  readonly onSavedChange?: ((items: KibanaExceptionItem[]) => void) | undefined;
}

function newItemId(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(16)}-${Math.random().toString(16).slice(2)}`;
}

export const EMPTY_ENTRY: ExceptionEntry = { field: '', operator: 'is', value: '' };

/** Kibana-style exception item (entries ANDed) and the matches it would suppress. */
export function ExceptionsView({
  matches,
  entries,
  onEntriesChange,
  fields,
  selectedKey,
  onSelect,
  saved,
  onSavedChange,
}: ExceptionsViewProps) {
  const ids = useId();
  const [name, setName] = useState('');
  const suppressed = useMemo(() => matches.filter((m) => suppresses(entries, m._source)), [matches, entries]);
  const canSave = onSavedChange !== undefined && entries.some(isComplete);
  const save = () => {
    if (!onSavedChange || !canSave) return;
    const label =
      name.trim() ||
      entries
        .filter(isComplete)
        .map((e) => `${e.field.trim()} ${e.operator}`)
        .join(', ');
    onSavedChange([...saved, toKibanaItem(newItemId(), label, entries)]);
    onEntriesChange([EMPTY_ENTRY]);
    setName('');
  };
  const edit = (item: KibanaExceptionItem) => {
    const form = item.entries.map(fromKibanaEntry).filter((e): e is ExceptionEntry => e !== undefined);
    onEntriesChange(form.length > 0 ? form : [EMPTY_ENTRY]);
    setName(item.name);
    onSavedChange?.(saved.filter((i) => i !== item));
  };
  const update = (i: number, patch: Partial<ExceptionEntry>) =>
    onEntriesChange(entries.map((e, j) => (j === i ? { ...e, ...patch } : e)));
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <form
        className="shrink-0 space-y-1.5 border-b border-slate-200 px-3 py-2 dark:border-slate-800"
        aria-label="Exception conditions"
        onSubmit={(e) => e.preventDefault()}
      >
        <datalist id={`${ids}-fields`}>
          {fields.map((f) => (
            <option key={f} value={f} />
          ))}
        </datalist>
        {entries.map((entry, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: entries are edited in place and have no identity.
          <div key={i} className="flex items-center gap-1.5" data-testid="exception-entry">
            {i > 0 && (
              <span className="w-7 text-[11px] font-semibold text-slate-500 dark:text-slate-400">AND</span>
            )}
            <input
              aria-label={`Condition ${i + 1} field`}
              list={`${ids}-fields`}
              className="field-control min-w-0 flex-[1.3] font-mono text-xs"
              placeholder="field name"
              title="A field of the events, e.g. process.parent.name"
              value={entry.field}
              onChange={(e) => update(i, { field: e.target.value })}
            />
            <select
              aria-label={`Condition ${i + 1} operator`}
              className="field-control text-xs"
              value={entry.operator}
              onChange={(e) => update(i, { operator: e.target.value as ExceptionOperator })}
            >
              {EXCEPTION_OPERATORS.map((op) => (
                <option key={op} value={op}>
                  {op}
                </option>
              ))}
            </select>
            {needsValue(entry.operator) && (
              <input
                aria-label={`Condition ${i + 1} value`}
                className="field-control min-w-0 flex-1 font-mono text-xs"
                placeholder={
                  entry.operator.includes('one of')
                    ? 'a, b, c'
                    : entry.operator.includes('match')
                      ? 'wild*card'
                      : 'value'
                }
                value={entry.value}
                onChange={(e) => update(i, { value: e.target.value })}
              />
            )}
            <button
              type="button"
              className="btn h-7 px-2 text-xs"
              aria-label={`Remove condition ${i + 1}`}
              onClick={() =>
                onEntriesChange(entries.length === 1 ? [EMPTY_ENTRY] : entries.filter((_, j) => j !== i))
              }
            >
              ✕
            </button>
          </div>
        ))}
        <div className="flex items-center gap-3">
          <button
            type="button"
            className="btn h-6 text-xs"
            onClick={() => onEntriesChange([...entries, EMPTY_ENTRY])}
          >
            + AND condition
          </button>
          <span className="text-xs" aria-live="polite">
            Would suppress <strong data-testid="exception-suppressed">{suppressed.length}</strong> of{' '}
            {plural(matches.length, 'match', 'matches')}
          </span>
        </div>
        {onSavedChange && (
          <div className="flex items-center gap-1.5">
            <input
              aria-label="Exception name"
              className="field-control min-w-0 flex-1 text-xs"
              placeholder="Name, e.g. Known admin tool"
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
            <button
              type="button"
              data-testid="exception-save"
              className="btn h-7 text-xs"
              disabled={!canSave}
              onClick={save}
              title="Add this exception to the rule (save the rule to keep it)"
            >
              Add to rule
            </button>
          </div>
        )}
      </form>
      <SavedExceptions
        items={saved}
        matches={matches}
        onRemove={onSavedChange && ((item) => onSavedChange(saved.filter((i) => i !== item)))}
        onEdit={onSavedChange && edit}
      />
      {suppressed.length > 0 ? (
        <EventListbox label="Suppressed matches">
          <EventRows
            hits={suppressed}
            keyPrefix="e:"
            selectedKey={selectedKey}
            tabKey={selectedKey ?? `e:${suppressed[0]?._id}`}
            onSelect={onSelect}
            testId="suppressed-item"
          />
        </EventListbox>
      ) : (
        <p className="p-4 text-sm text-slate-500 dark:text-slate-400">
          Describe the events to leave out (as Kibana's rule exceptions do); the matches they would remove
          show here. Add the exception to the rule, then save the rule to keep it.
        </p>
      )}
    </div>
  );
}
