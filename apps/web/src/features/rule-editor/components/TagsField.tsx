import type { Finding } from '@rulebench/rules';
import { useId, useState } from 'react';
import { FieldFindings } from './fields.js';

interface TagsFieldProps {
  readonly value: readonly string[] | undefined;
  readonly onChange: (tags: string[]) => void;
  /** Tags used elsewhere in the library, offered while typing. */
  readonly suggestions: readonly string[];
  readonly findings: readonly Finding[];
}

/** Tags as removable chips; Enter (or a comma) adds what is typed, Backspace in an empty box removes the last. */
export function TagsField({ value = [], onChange, suggestions, findings }: TagsFieldProps) {
  const id = useId();
  const [text, setText] = useState('');
  const add = (raw: string) => {
    const tag = raw.trim();
    setText('');
    if (tag === '' || value.includes(tag)) return;
    onChange([...value, tag]);
  };
  return (
    <div className="min-w-0">
      <label htmlFor={id} className="text-xs font-medium text-slate-700 dark:text-slate-300">
        Tags
      </label>
      <div className="mt-0.5 flex flex-wrap items-center gap-1 rounded border border-slate-300 bg-white px-1.5 py-1 dark:border-slate-600 dark:bg-slate-900">
        <ul className="contents" aria-label="Rule tags" data-testid="editor-tags">
          {value.map((tag) => (
            <li
              key={tag}
              className="flex items-center gap-1 rounded-sm bg-slate-100 py-px pl-1.5 text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-200"
            >
              {tag}
              <button
                type="button"
                aria-label={`Remove tag ${tag}`}
                className="rounded px-1 text-slate-500 hover:bg-slate-200 hover:text-slate-900 dark:hover:bg-slate-700 dark:hover:text-white"
                onClick={() => onChange(value.filter((t) => t !== tag))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <input
          id={id}
          data-testid="editor-tag-input"
          list={`${id}-suggestions`}
          value={text}
          placeholder="Add a tag…"
          className="h-6 min-w-32 flex-1 bg-transparent px-1 text-sm outline-none"
          onChange={(e) => {
            const next = e.target.value;
            if (next.endsWith(',')) add(next.slice(0, -1));
            else setText(next);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add(text);
            } else if (e.key === 'Backspace' && text === '' && value.length > 0) {
              onChange(value.slice(0, -1));
            }
          }}
          onBlur={() => add(text)}
        />
        <datalist id={`${id}-suggestions`}>
          {suggestions
            .filter((s) => !value.includes(s))
            .map((s) => (
              <option key={s} value={s} />
            ))}
        </datalist>
      </div>
      <FieldFindings findings={findings} />
    </div>
  );
}
