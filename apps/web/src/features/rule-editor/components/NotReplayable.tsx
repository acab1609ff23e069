import type { Rule } from '../../rule/types.js';
import { ruleTypeName } from '../rule-draft.js';
import { useRuleSession } from '../session/rule-session.js';

/** Shown instead of the query editor for rules that are not EQL: what they are, and why they cannot run. */
export function NotReplayable({ rule }: { rule: Rule }) {
  const { setPanel } = useRuleSession();
  const type = rule.type ?? 'unknown';
  return (
    <div data-testid="not-replayable" className="px-4 py-3">
      <p className="text-sm text-amber-950 dark:text-amber-100">
        <span className="mr-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900 ring-1 ring-inset ring-amber-300 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-800">
          {ruleTypeName(type)}
        </span>
        Only EQL rules can be replayed over events. This {ruleTypeName(type)} rule opens, edits, saves and
        exports with every field intact, but it cannot run here.
        <button type="button" className="btn ml-3" onClick={() => setPanel('editor')}>
          Edit its fields
        </button>
      </p>
      {rule.query.trim() !== '' && (
        <pre className="mt-2 max-h-40 overflow-auto whitespace-pre-wrap rounded bg-slate-50 p-2 font-mono text-xs text-slate-700 dark:bg-slate-950 dark:text-slate-300">
          {rule.query.trim()}
        </pre>
      )}
    </div>
  );
}
