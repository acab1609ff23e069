import type { Finding, Rule } from '@rulebench/rules';
import { findingsFor } from '../findings.js';
import { DEFAULT_RISK_SCORE, ruleTypeName, withField, withMetadata, withSeverity } from '../rule-draft.js';
import { LinesField, NumberField, SelectField, TextAreaField, TextField } from './fields.js';
import { TagsField } from './TagsField.js';

export interface TabProps {
  readonly draft: Rule;
  readonly base: Rule;
  readonly findings: readonly Finding[];
  readonly update: (edit: (draft: Rule) => Rule) => void;
}

const SEVERITIES = ['low', 'medium', 'high', 'critical'].map((s) => ({
  value: s,
  label: `${s[0]?.toUpperCase()}${s.slice(1)} (${DEFAULT_RISK_SCORE[s]})`,
}));

const MATURITIES = ['development', 'production', 'deprecated'].map((m) => ({ value: m, label: m }));

/** `2026/12/03`, the date form detection-rules writes in `[metadata]`. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}/${String(d.getMonth() + 1).padStart(2, '0')}/${String(d.getDate()).padStart(2, '0')}`;
}

export function DetailsTab({
  draft,
  base,
  findings,
  update,
  tagSuggestions,
}: TabProps & { tagSuggestions: readonly string[] }) {
  const set =
    <K extends Exclude<keyof Rule, 'metadata'>>(key: K) =>
    (value: Rule[K] | undefined) =>
      update((d) => withField(d, key, value, base));
  const text = (key: 'name' | 'description' | 'license' | 'rule_id') => (value: string) =>
    update((d) =>
      withField(
        d,
        key,
        key === 'license' && value === '' && base.license === undefined ? undefined : value,
        base,
      ),
    );
  const riskFindings = findingsFor(findings, 'risk_score');
  const suggested = DEFAULT_RISK_SCORE[draft.severity];
  const mismatch = riskFindings.some((f) => f.code === 'severity-risk-mismatch');
  return (
    <div className="space-y-3">
      <TextField
        label="Name"
        value={draft.name}
        onChange={text('name')}
        findings={findingsFor(findings, 'name')}
        testId="editor-name"
      />
      <TextAreaField
        label="Description"
        value={draft.description}
        onChange={text('description')}
        findings={findingsFor(findings, 'description')}
        rows={4}
        testId="editor-description"
      />
      <div className="grid grid-cols-2 gap-3">
        <SelectField
          label="Severity"
          value={draft.severity}
          options={SEVERITIES}
          onChange={(v) => update((d) => withSeverity(d, v, base))}
          findings={findingsFor(findings, 'severity')}
          testId="editor-severity"
        />
        <NumberField
          label="Risk score"
          hint="0–100"
          min={0}
          max={100}
          required
          value={draft.risk_score}
          onChange={(v) => {
            if (v !== undefined) update((d) => withField(d, 'risk_score', v, base));
          }}
          findings={riskFindings}
          testId="editor-risk-score"
          {...(mismatch && suggested !== undefined
            ? {
                action: (
                  <button
                    type="button"
                    className="text-[11px] font-medium text-sky-700 underline underline-offset-2 dark:text-sky-400"
                    onClick={() => update((d) => withField(d, 'risk_score', suggested, base))}
                  >
                    Use {suggested}
                  </button>
                ),
              }
            : {})}
        />
      </div>
      <TagsField
        value={draft.tags}
        onChange={(tags) => set('tags')(tags)}
        suggestions={tagSuggestions}
        findings={findingsFor(findings, 'tags')}
      />
      <div className="grid grid-cols-2 gap-3">
        <LinesField
          label="Author"
          value={draft.author}
          onChange={(v) => set('author')(v)}
          findings={findingsFor(findings, 'author')}
          rows={2}
        />
        <TextField
          label="License"
          value={draft.license}
          onChange={text('license')}
          findings={findingsFor(findings, 'license')}
        />
      </div>
      <LinesField
        label="References"
        value={draft.references}
        onChange={(v) => set('references')(v)}
        findings={findingsFor(findings, 'references')}
        mono
        testId="editor-references"
      />
      <LinesField
        label="False positives"
        value={draft.false_positives}
        onChange={(v) => set('false_positives')(v)}
        findings={findingsFor(findings, 'false_positives')}
      />
      <fieldset className="grid grid-cols-2 gap-3 rounded border border-slate-200 p-3 dark:border-slate-700">
        <legend className="px-1 text-xs font-semibold text-slate-600 dark:text-slate-400">Identity</legend>
        <TextField
          label="Rule id"
          value={draft.rule_id}
          onChange={text('rule_id')}
          findings={findingsFor(findings, 'rule_id')}
          mono
          action={
            <button
              type="button"
              className="text-[11px] font-medium text-sky-700 underline underline-offset-2 dark:text-sky-400"
              onClick={() => update((d) => withField(d, 'rule_id', crypto.randomUUID(), base))}
              title="A new rule, not a revision of this one, as far as Kibana is concerned"
            >
              New id
            </button>
          }
        />
        <TextField
          label="Type"
          value={`${draft.type} (${ruleTypeName(draft.type)})`}
          onChange={() => {}}
          readOnly
          hint="fixed"
        />
        <NumberField
          label="Version"
          value={draft.version}
          min={1}
          onChange={(v) => set('version')(v)}
          findings={findingsFor(findings, 'version')}
        />
        <SelectField
          label="Maturity"
          value={draft.metadata.maturity ?? ''}
          options={MATURITIES}
          onChange={(v) => update((d) => withMetadata(d, 'maturity', v))}
          findings={findingsFor(findings, 'metadata.maturity')}
        />
        <TextField
          label="Created"
          value={draft.metadata.creation_date}
          placeholder="YYYY/MM/DD"
          onChange={(v) => update((d) => withMetadata(d, 'creation_date', v))}
          findings={findingsFor(findings, 'metadata.creation_date')}
        />
        <TextField
          label="Updated"
          value={draft.metadata.updated_date}
          placeholder="YYYY/MM/DD"
          onChange={(v) => update((d) => withMetadata(d, 'updated_date', v))}
          findings={findingsFor(findings, 'metadata.updated_date')}
          action={
            <button
              type="button"
              className="text-[11px] font-medium text-sky-700 underline underline-offset-2 dark:text-sky-400"
              onClick={() => update((d) => withMetadata(d, 'updated_date', today()))}
            >
              Today
            </button>
          }
        />
      </fieldset>
    </div>
  );
}
