import type { ImportResult, RuleProblem } from '@rulebench/rules';
import { useId, useRef, useState } from 'react';
import { plural } from '../../../lib/plural.js';
import { ruleTypeName } from '../../rule-editor/rule-draft.js';
import { useImportRules } from '../api/import-rules.js';
import { describeProblem, LibraryApiError } from '../api/library-request.js';
import { describeOthers, describeStatus } from '../library-facets.js';

interface Source {
  readonly body: Blob | string;
  readonly fileName?: string;
  readonly format?: 'toml' | 'ndjson';
  /** How the user gave it, for the summary line. */
  readonly label: string;
}

interface ImportRulesProps {
  /** Open a library entry in the workbench (after a one-rule import). */
  readonly onOpen: (id: string) => void;
}

function ProblemList({ problems, fallback }: { problems: readonly RuleProblem[]; fallback: string }) {
  if (problems.length === 0) return <p>{fallback}</p>;
  return (
    <ul className="space-y-0.5">
      {problems.map((p) => (
        <li key={`${p.line ?? 0}-${p.message}`}>{describeProblem(p)}</li>
      ))}
    </ul>
  );
}

/**
 * Import by file (picker or drop) or pasted text: a dry run first lists what the file holds,
 * the user picks the rules to keep, then only those are imported.
 */
export function ImportRules({ onOpen }: ImportRulesProps) {
  const mutation = useImportRules();
  const [source, setSource] = useState<Source | null>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set());
  const [done, setDone] = useState<ImportResult | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [pasted, setPasted] = useState('');
  const [format, setFormat] = useState<'' | 'toml' | 'ndjson'>('');
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const ids = useId();

  const read = async (next: Source) => {
    setSource(next);
    setPreview(null);
    setDone(null);
    setError(null);
    try {
      const result = await mutation.mutateAsync({
        body: next.body,
        dryRun: true,
        ...(next.fileName ? { fileName: next.fileName } : {}),
        ...(next.format ? { format: next.format } : {}),
      });
      setPreview(result);
      setChosen(new Set(result.rules.map((r) => r.line)));
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    }
  };

  const importChosen = async () => {
    if (!source || !preview) return;
    const lines = preview.rules.filter((r) => chosen.has(r.line)).map((r) => r.line);
    setError(null);
    try {
      const result = await mutation.mutateAsync({
        body: source.body,
        dryRun: false,
        lines,
        ...(source.fileName ? { fileName: source.fileName } : {}),
        ...(source.format ? { format: source.format } : {}),
      });
      setDone(result);
      setPreview(null);
      const imported = result.rules.filter((r) => r.status !== 'skipped' && r.id !== null);
      const only = imported.length === 1 ? imported[0] : undefined;
      if (only?.id) onOpen(only.id);
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    }
  };

  const onFiles = (files: FileList | null) => {
    const file = files?.[0];
    if (file) void read({ body: file, fileName: file.name, label: file.name });
  };

  const toggle = (line: number, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(line);
      else next.delete(line);
      return next;
    });

  const busy = mutation.isPending;
  const problems = error instanceof LibraryApiError ? error.problems : [];

  return (
    <section
      aria-labelledby={`${ids}-title`}
      className="border-b border-slate-200 px-4 py-3 dark:border-slate-800"
    >
      <h3
        id={`${ids}-title`}
        className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400"
      >
        Import rules
      </h3>
      <section
        aria-label="Drop a rule file here"
        data-testid="import-drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          onFiles(e.dataTransfer.files);
        }}
        className={`mt-2 flex items-center gap-2 rounded border border-dashed px-3 py-2 text-xs text-slate-600 dark:text-slate-400 ${dragging ? 'border-sky-500 bg-sky-50 dark:bg-sky-950/40' : 'border-slate-300 dark:border-slate-600'}`}
      >
        <span className="flex-1">Drop a detection-rules TOML file or a Kibana NDJSON export here, or</span>
        <button type="button" className="btn" onClick={() => fileInput.current?.click()} disabled={busy}>
          Choose file…
        </button>
        <input
          ref={fileInput}
          type="file"
          data-testid="import-file"
          aria-label="Rule file to import"
          accept=".toml,.ndjson,.jsonl,.json,text/plain,application/json"
          className="sr-only"
          tabIndex={-1}
          onChange={(e) => {
            onFiles(e.currentTarget.files);
            e.currentTarget.value = '';
          }}
        />
      </section>
      <details className="mt-2">
        <summary className="cursor-pointer select-none text-xs font-medium text-slate-700 dark:text-slate-300">
          Paste TOML or NDJSON
        </summary>
        <label htmlFor={`${ids}-paste`} className="sr-only">
          Rule text (TOML or NDJSON)
        </label>
        <textarea
          id={`${ids}-paste`}
          data-testid="import-paste"
          value={pasted}
          onChange={(e) => setPasted(e.target.value)}
          rows={6}
          spellCheck={false}
          placeholder={'[metadata]\n…\n[rule]\nname = "…"'}
          className="mt-1 w-full rounded border border-slate-300 bg-white p-2 font-mono text-xs dark:border-slate-600 dark:bg-slate-950"
        />
        <div className="mt-1 flex items-center gap-2">
          <label className="flex items-center gap-1 text-xs text-slate-600 dark:text-slate-400">
            Format
            <select
              className="field-control h-7 text-xs"
              value={format}
              onChange={(e) => setFormat(e.target.value as '' | 'toml' | 'ndjson')}
            >
              <option value="">Detect</option>
              <option value="toml">TOML</option>
              <option value="ndjson">NDJSON</option>
            </select>
          </label>
          <button
            type="button"
            className="btn"
            disabled={busy || pasted.trim() === ''}
            onClick={() => void read({ body: pasted, label: 'pasted text', ...(format ? { format } : {}) })}
          >
            Read pasted text
          </button>
        </div>
      </details>

      {busy && <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">Reading…</p>}
      {error && (
        <div
          role="alert"
          data-testid="import-error"
          className="mt-2 rounded border border-red-300 bg-red-50 px-3 py-2 text-xs text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
        >
          <p className="font-semibold">
            {source ? `Could not read ${source.label}` : 'Could not import'}
            {problems.length > 0 ? '; nothing was imported:' : ''}
          </p>
          <ProblemList problems={problems} fallback={error.message} />
        </div>
      )}

      {preview && (
        <ImportPreview
          preview={preview}
          label={source?.label ?? 'the file'}
          chosen={chosen}
          onToggle={toggle}
          onChooseAll={(all) => setChosen(new Set(all ? preview.rules.map((r) => r.line) : []))}
          onImport={() => void importChosen()}
          onCancel={() => setPreview(null)}
          busy={busy}
        />
      )}

      {done && (
        <p
          role="status"
          data-testid="import-done"
          className="mt-2 text-xs text-slate-700 dark:text-slate-300"
        >
          {summary(done)}
        </p>
      )}
    </section>
  );
}

function summary(result: ImportResult): string {
  const parts = [
    result.counts.created > 0 ? `${result.counts.created} imported` : '',
    result.counts.updated > 0 ? `${result.counts.updated} updated` : '',
    result.counts.unchanged > 0
      ? `${result.counts.unchanged} unchanged (already in the library, identical)`
      : '',
    result.counts.failed > 0 ? `${result.counts.failed} could not be read` : '',
  ].filter((p) => p !== '');
  return `${result.file ?? 'Import'}: ${parts.join(', ') || 'nothing imported'}.`;
}

interface ImportPreviewProps {
  readonly preview: ImportResult;
  readonly label: string;
  readonly chosen: ReadonlySet<number>;
  readonly onToggle: (line: number, on: boolean) => void;
  readonly onChooseAll: (all: boolean) => void;
  readonly onImport: () => void;
  readonly onCancel: () => void;
  readonly busy: boolean;
}

function ImportPreview(props: ImportPreviewProps) {
  const { preview, chosen, onToggle } = props;
  const count = preview.rules.filter((r) => chosen.has(r.line)).length;
  const several = preview.rules.length > 1;
  return (
    <div data-testid="import-preview" className="mt-2 rounded border border-slate-200 dark:border-slate-700">
      <div className="flex items-center gap-2 border-b border-slate-200 px-3 py-1.5 text-xs dark:border-slate-700">
        <p data-testid="import-summary" className="flex-1">
          {props.label}: {preview.rules.length} rule{preview.rules.length === 1 ? '' : 's'} (
          {preview.format.toUpperCase()})
        </p>
        {several && (
          <>
            <button type="button" className="btn h-6 text-xs" onClick={() => props.onChooseAll(true)}>
              All
            </button>
            <button type="button" className="btn h-6 text-xs" onClick={() => props.onChooseAll(false)}>
              None
            </button>
          </>
        )}
      </div>
      <ul className="max-h-64 overflow-y-auto py-1" aria-label="Rules in the file">
        {preview.rules.map((rule) => (
          <li key={rule.line} data-testid="import-rule" className="px-3 py-1 text-xs">
            <label className="flex items-start gap-2">
              <input
                type="checkbox"
                className="mt-0.5"
                checked={chosen.has(rule.line)}
                onChange={(e) => onToggle(rule.line, e.target.checked)}
              />
              <span className="min-w-0 flex-1">
                <span className="block truncate font-medium">{rule.name.trim() || rule.rule_id}</span>
                <span className="block text-slate-500 dark:text-slate-400">
                  line {rule.line} · {ruleTypeName(rule.type)} · {describeStatus(rule.status, true)}
                  {rule.findings.error + rule.findings.warning > 0 &&
                    ` · ${plural(rule.findings.error, 'error')}, ${plural(rule.findings.warning, 'warning')}`}
                  {!rule.replay.possible &&
                    rule.type !== 'eql' &&
                    ' · opens and exports, but only EQL can be replayed'}
                </span>
              </span>
            </label>
          </li>
        ))}
      </ul>
      {preview.others.length > 0 && (
        <p className="border-t border-slate-200 px-3 py-1.5 text-xs text-slate-600 dark:border-slate-700 dark:text-slate-400">
          Also in the file: {describeOthers(preview.others)}. Exception lists and connectors are kept with the
          rules that use them.
        </p>
      )}
      {preview.errors.length > 0 && (
        <div className="border-t border-slate-200 px-3 py-1.5 text-xs text-red-800 dark:border-slate-700 dark:text-red-300">
          <p className="font-semibold">Lines that could not be read (they will be left out):</p>
          <ProblemList problems={preview.errors} fallback="" />
        </div>
      )}
      <div className="flex justify-end gap-2 border-t border-slate-200 px-3 py-2 dark:border-slate-700">
        <button type="button" className="btn" onClick={props.onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className="btn-primary"
          data-testid="import-confirm"
          disabled={props.busy || count === 0}
          onClick={props.onImport}
        >
          {count === 1 ? 'Import and open' : `Import ${count} rules`}
        </button>
      </div>
    </div>
  );
}
