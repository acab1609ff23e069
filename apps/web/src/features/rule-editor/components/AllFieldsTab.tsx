import type { Finding, Rule } from '@rulebench/rules';
import { FieldFindings } from './fields.js';

/**
 * The whole rule as stored, read-only: fields without a form of their own (alert suppression,
 * threshold, new terms, Kibana's own keys of an exported rule) are visible and kept intact.
 */
export function AllFieldsTab({ rule, findings }: { rule: Rule; findings: readonly Finding[] }) {
  return (
    <div className="space-y-2">
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Every field of the rule, as it would be saved. Fields without a form here are kept exactly as they
        were read.
      </p>
      <FieldFindings findings={findings} />
      <pre
        data-testid="editor-all-fields"
        className="max-h-[60vh] overflow-auto rounded border border-slate-200 bg-slate-50 p-3 font-mono text-xs leading-snug dark:border-slate-700 dark:bg-slate-950"
      >
        {JSON.stringify(rule, null, 2)}
      </pre>
    </div>
  );
}
