import { useId } from 'react';
import type { Corpus } from '../types.js';

interface CorpusPickerProps {
  readonly corpora: readonly Corpus[];
  readonly value: string | undefined;
  readonly onChange: (id: string) => void;
  readonly disabled?: boolean;
}

const numberFormat = new Intl.NumberFormat('en-US');

export function CorpusPicker({ corpora, value, onChange, disabled = false }: CorpusPickerProps) {
  const id = useId();
  const selected = corpora.find((c) => c.id === value);
  return (
    <div className="flex min-w-0 items-center gap-2">
      <label htmlFor={id} className="text-xs font-medium text-slate-600 dark:text-slate-400">
        Corpus
      </label>
      <select
        id={id}
        data-testid="corpus-picker"
        className="field-control max-w-72 min-w-0"
        value={value ?? ''}
        disabled={disabled || corpora.length === 0}
        onChange={(e) => onChange(e.target.value)}
        title={selected?.description}
      >
        {corpora.length === 0 && <option value="">No corpora</option>}
        {corpora.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name} ({numberFormat.format(c.eventCount)} events)
          </option>
        ))}
      </select>
    </div>
  );
}
