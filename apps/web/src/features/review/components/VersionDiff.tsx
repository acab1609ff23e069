import { useId } from 'react';
import { usePermalink } from '../api/get-permalink.js';
import { type SnapshotChange, usePermalinkDiff } from '../api/get-permalink-diff.js';
import { LineDiffView } from './LineDiffView.js';

const show = (value: unknown) =>
  value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value);
const multiline = (c: SnapshotChange) =>
  typeof c.before === 'string' &&
  typeof c.after === 'string' &&
  (c.before.includes('\n') || c.after.includes('\n'));

function VersionSelect({
  label,
  value,
  versions,
  onChange,
  testId,
}: {
  label: string;
  value: number;
  versions: readonly number[];
  onChange: (v: number) => void;
  testId: string;
}) {
  const id = useId();
  return (
    <span className="flex items-center gap-1.5">
      <label htmlFor={id} className="text-xs text-slate-600 dark:text-slate-300">
        {label}
      </label>
      <select
        id={id}
        data-testid={testId}
        className="field-control"
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
      >
        {versions.map((v) => (
          <option key={v} value={v}>
            version {v}
          </option>
        ))}
      </select>
    </span>
  );
}

/** What changed between two versions: the query line by line, then every other field. */
export function VersionDiff({
  id,
  versions,
  from,
  to,
  onChange,
}: {
  id: string;
  versions: readonly number[];
  from: number;
  to: number;
  onChange: (from: number, to: number) => void;
}) {
  const before = usePermalink(id, from);
  const after = usePermalink(id, to);
  const diff = usePermalinkDiff(id, from, to, from !== to);
  const fields = (diff.data?.changes ?? []).filter((c) => c.path !== 'query');
  return (
    <section aria-label="Changes between versions" data-testid="review-diff" className="space-y-2">
      <div className="flex flex-wrap items-center gap-3">
        <VersionSelect
          label="From"
          value={from}
          versions={versions}
          onChange={(v) => onChange(v, to)}
          testId="diff-from"
        />
        <VersionSelect
          label="To"
          value={to}
          versions={versions}
          onChange={(v) => onChange(from, v)}
          testId="diff-to"
        />
        {from === to && (
          <span className="text-xs text-slate-500 dark:text-slate-400">Pick two different versions.</span>
        )}
      </div>
      {from !== to && (
        <>
          <h3 className="text-[11px] font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
            Query
          </h3>
          {before.data && after.data ? (
            before.data.snapshot.query === after.data.snapshot.query ? (
              <p data-testid="diff-query-same" className="text-xs text-slate-600 dark:text-slate-300">
                The query is the same in both versions.
              </p>
            ) : (
              <LineDiffView
                label={`Query, version ${from} to ${to}`}
                before={before.data.snapshot.query}
                after={after.data.snapshot.query}
              />
            )
          ) : before.isError || after.isError ? (
            <p role="alert" className="text-xs text-red-700 dark:text-red-400">
              Could not load the versions: {(before.error ?? after.error)?.message}
            </p>
          ) : (
            <p className="text-xs text-slate-500">Loading…</p>
          )}
          <h3 className="text-[11px] font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
            Fields
          </h3>
          {diff.isError ? (
            <p role="alert" className="text-xs text-red-700 dark:text-red-400">
              Could not compare the versions: {diff.error.message}
            </p>
          ) : !diff.data ? (
            <p className="text-xs text-slate-500">Loading…</p>
          ) : fields.length === 0 ? (
            <p data-testid="diff-fields-same" className="text-xs text-slate-600 dark:text-slate-300">
              No other field changed.
            </p>
          ) : (
            <table data-testid="diff-fields" className="w-full table-fixed border-collapse text-xs">
              <thead>
                <tr className="text-left text-[11px] uppercase tracking-wide text-slate-500 dark:text-slate-400">
                  <th className="w-1/4 py-0.5 font-medium">Field</th>
                  <th className="py-0.5 font-medium">Version {from}</th>
                  <th className="py-0.5 font-medium">Version {to}</th>
                </tr>
              </thead>
              <tbody>
                {fields.map((c) => (
                  <tr
                    key={c.path}
                    data-testid="diff-field"
                    className="border-t border-slate-200 align-top dark:border-slate-700"
                  >
                    <td className="break-all py-1 pr-2 font-mono">
                      {c.path} <span className="text-slate-500 dark:text-slate-400">({c.kind})</span>
                    </td>
                    {multiline(c) ? (
                      <td colSpan={2} className="py-1">
                        <LineDiffView label={c.path} before={String(c.before)} after={String(c.after)} />
                      </td>
                    ) : (
                      <>
                        <td className="break-words py-1 pr-2 font-mono text-red-800 dark:text-red-300">
                          {show(c.before)}
                        </td>
                        <td className="break-words py-1 font-mono text-emerald-800 dark:text-emerald-300">
                          {show(c.after)}
                        </td>
                      </>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
