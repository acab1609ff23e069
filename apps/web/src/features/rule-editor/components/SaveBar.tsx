import type { ExportFormat, Rule, RuleDetail } from '@rulebench/rules';
import { useState } from 'react';
import { exportRule } from '../../rule-library/api/export-rule.js';
import { describeProblem, LibraryApiError } from '../../rule-library/api/library-request.js';
import { useCreateRule } from '../api/create-rule.js';
import { useSaveRule } from '../api/save-rule.js';
import { encodeRuleFile, saveFile } from '../encode-rule.js';

interface SaveBarProps {
  /** Null for a rule the library does not hold yet (a fork): it can only be saved as a new entry. */
  readonly entry: RuleDetail | null;
  /** The rule a save stores: the draft with the editor's query. */
  readonly rule: Rule;
  readonly dirty: boolean;
  readonly errorCount: number;
  readonly onSaved: (entry: RuleDetail) => void;
  readonly onRevert: () => void;
}

type Message = { readonly tone: 'ok' | 'error'; readonly text: string; readonly details?: readonly string[] };

function failure(error: unknown, what: string): Message {
  if (error instanceof LibraryApiError) {
    return { tone: 'error', text: `${what}: ${error.message}`, details: error.problems.map(describeProblem) };
  }
  return { tone: 'error', text: `${what}: ${error instanceof Error ? error.message : String(error)}` };
}

/** Save (a new revision), save as (a new library entry), revert, and download as TOML or NDJSON. */
export function SaveBar({ entry, rule, dirty, errorCount, onSaved, onRevert }: SaveBarProps) {
  const save = useSaveRule();
  const create = useCreateRule();
  const [message, setMessage] = useState<Message | null>(null);
  const busy = save.isPending || create.isPending;
  // An older revision opened from the library: saving it (even unedited) makes it the latest.
  const older = entry !== null && entry.shown_revision !== entry.revision;

  const saveAs = async (copy: boolean) => {
    setMessage(null);
    const toCreate = copy ? { ...rule, rule_id: crypto.randomUUID(), name: `${rule.name} (copy)` } : rule;
    try {
      const detail = await create.mutateAsync(toCreate);
      onSaved(detail);
      setMessage({
        tone: 'ok',
        text: copy ? `Saved as a new rule, “${detail.name}”.` : 'Saved as your own copy in the library.',
      });
    } catch (error) {
      setMessage(failure(error, 'Could not save'));
    }
  };

  const saveInPlace = async () => {
    if (!entry) return;
    setMessage(null);
    try {
      const result = await save.mutateAsync({ id: entry.id, rule, expectedRevision: entry.revision });
      onSaved(result.rule);
      setMessage({
        tone: 'ok',
        text: result.changed
          ? `Saved as revision ${result.rule.revision}.`
          : 'Nothing changed since the last save.',
      });
    } catch (error) {
      setMessage(failure(error, 'Could not save'));
    }
  };

  const download = async (format: ExportFormat) => {
    setMessage(null);
    try {
      // A saved rule downloads as the server stores it (byte for byte when unedited); edits are encoded here.
      const file =
        dirty || !entry
          ? encodeRuleFile(rule, format, entry?.format ?? null)
          : await exportRule(entry.id, format, older ? entry.shown_revision : undefined);
      saveFile(file);
      setMessage({
        tone: 'ok',
        text: `Downloaded ${file.fileName}${dirty ? ' (with the unsaved edits)' : ''}.`,
      });
    } catch (error) {
      setMessage(failure(error, 'Could not download'));
    }
  };

  return (
    <div className="shrink-0 border-t border-slate-200 px-4 py-2 dark:border-slate-800">
      <div className="flex flex-wrap items-center gap-2">
        {!entry || entry.read_only ? (
          <button
            type="button"
            className="btn-primary"
            data-testid="editor-save-as"
            disabled={busy}
            onClick={() => void saveAs(false)}
          >
            Save as my copy
          </button>
        ) : (
          <>
            <button
              type="button"
              className="btn-primary"
              data-testid="editor-save"
              disabled={busy || (!dirty && !older)}
              onClick={() => void saveInPlace()}
            >
              {older && !dirty ? 'Restore as latest' : 'Save'}
            </button>
            <button
              type="button"
              className="btn"
              data-testid="editor-save-as"
              disabled={busy}
              onClick={() => void saveAs(true)}
            >
              Save as new rule
            </button>
          </>
        )}
        <button
          type="button"
          className="btn"
          data-testid="editor-revert"
          disabled={busy || !dirty}
          onClick={onRevert}
        >
          Revert
        </button>
        <span className="ml-auto flex items-center gap-2">
          <button
            type="button"
            className="btn"
            data-testid="download-toml"
            onClick={() => void download('toml')}
          >
            Download TOML
          </button>
          <button
            type="button"
            className="btn"
            data-testid="download-ndjson"
            onClick={() => void download('ndjson')}
          >
            Download NDJSON
          </button>
        </span>
      </div>
      <p data-testid="editor-save-state" className="mt-1 text-xs text-slate-600 dark:text-slate-400">
        {!entry
          ? 'This rule is not in the library yet: saving adds it as your own.'
          : entry.read_only
            ? 'Bundled rules are read-only: saving keeps your edits as your own copy.'
            : older
              ? `Showing revision ${entry.shown_revision} of ${entry.revision}${dirty ? ', with unsaved changes' : ''}: saving stores it as revision ${entry.revision + 1}.`
              : dirty
                ? `Unsaved changes to revision ${entry.revision}.`
                : `Saved, revision ${entry.revision}.`}
        {errorCount > 0 &&
          ` ${errorCount} error${errorCount === 1 ? '' : 's'} found; the rule can still be saved.`}
      </p>
      {message && (
        <div
          role={message.tone === 'error' ? 'alert' : 'status'}
          data-testid="editor-message"
          className={`mt-1 text-xs ${message.tone === 'error' ? 'text-red-700 dark:text-red-400' : 'text-emerald-800 dark:text-emerald-300'}`}
        >
          <p>{message.text}</p>
          {message.details && message.details.length > 0 && (
            <ul className="list-disc pl-4">
              {message.details.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
