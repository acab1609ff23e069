import { useDeferredValue, useId, useMemo } from 'react';
import { GuideMarkdown } from '../../guide/components/Guide.js';
import { inlineTransforms, pluginsToBlocks } from '../../guide/guide-plugins.js';
import { stripLeadingHeading } from '../../guide/guide-text.js';
import { findingsFor } from '../findings.js';
import { withField } from '../rule-draft.js';
import type { TabProps } from './DetailsTab.js';
import { FieldFindings } from './fields.js';

interface MarkdownTabProps extends TabProps {
  readonly field: 'note' | 'setup';
}

const LABELS = {
  note: { title: 'Investigation guide', testId: 'editor-note' },
  setup: { title: 'Setup', testId: 'editor-setup' },
} as const;

/** Markdown source beside its live preview, rendered as the workbench's guide panel renders it. */
export function MarkdownTab({ draft, base, findings, update, field }: MarkdownTabProps) {
  const id = useId();
  const value = draft[field] ?? '';
  const shown = useDeferredValue(value);
  const transform = draft.transform;
  const preview = useMemo(
    () =>
      field === 'note'
        ? pluginsToBlocks(inlineTransforms(shown, transform))
        : stripLeadingHeading(shown, 'Setup'),
    [field, shown, transform],
  );
  const { title, testId } = LABELS[field];
  return (
    <div className="grid h-full min-h-[420px] grid-cols-2 gap-3">
      <div className="flex min-h-0 flex-col">
        <label htmlFor={id} className="text-xs font-medium text-slate-700 dark:text-slate-300">
          {title} <span className="font-normal text-slate-500 dark:text-slate-400">(Markdown)</span>
        </label>
        <textarea
          id={id}
          data-testid={testId}
          value={value}
          spellCheck
          onChange={(e) =>
            update((d) =>
              withField(
                d,
                field,
                e.target.value === '' && base[field] === undefined ? undefined : e.target.value,
                base,
              ),
            )
          }
          className="mt-0.5 min-h-0 flex-1 resize-none rounded border border-slate-300 bg-white p-2 font-mono text-xs leading-relaxed dark:border-slate-600 dark:bg-slate-950"
        />
        <FieldFindings findings={findingsFor(findings, field)} />
      </div>
      <section aria-label={`${title} preview`} className="flex min-h-0 flex-col">
        <h3 className="text-xs font-medium text-slate-700 dark:text-slate-300">Preview</h3>
        <div
          data-testid={`${testId}-preview`}
          className="markdown mt-0.5 min-h-0 flex-1 overflow-y-auto rounded border border-slate-200 px-3 py-2 dark:border-slate-700"
        >
          {value.trim() === '' ? (
            <p className="text-slate-500 dark:text-slate-400">Nothing to preview yet.</p>
          ) : (
            <GuideMarkdown markdown={preview} />
          )}
        </div>
      </section>
    </div>
  );
}
