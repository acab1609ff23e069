import type { RuleListItem } from '@rulebench/rules';
import { type ReactNode, useId } from 'react';
import { ruleTypeName } from '../../rule-editor/rule-draft.js';

const SEVERITY_DOT: Record<string, string> = {
  low: 'bg-emerald-500',
  medium: 'bg-amber-500',
  high: 'bg-orange-600',
  critical: 'bg-red-600',
};

function Chip({ children, tone = 'slate' }: { children: string; tone?: 'slate' | 'sky' | 'amber' }) {
  const tones = {
    slate: 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300',
    sky: 'bg-sky-50 text-sky-800 ring-1 ring-inset ring-sky-200 dark:bg-sky-950 dark:text-sky-300 dark:ring-sky-900',
    amber:
      'bg-amber-50 text-amber-900 ring-1 ring-inset ring-amber-200 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-900',
  };
  return <span className={`rounded-sm px-1 py-px text-[11px] leading-4 ${tones[tone]}`}>{children}</span>;
}

interface RuleRowProps {
  readonly rule: RuleListItem;
  readonly current: boolean;
  readonly onOpen: (rule: RuleListItem) => void;
  /** Whether the entry's panel (revisions, delete) is shown below the row. */
  readonly expanded: boolean;
  readonly onToggle: () => void;
  /** The panel, given the id the disclosure button points at. */
  readonly panel: (id: string) => ReactNode;
}

/**
 * One library entry: a button that opens it, with what the list is searched by visible, and a
 * disclosure button for its revisions and deletion.
 */
export function RuleRow({ rule, current, onOpen, expanded, onToggle, panel }: RuleRowProps) {
  const attack = [...rule.tactics, ...rule.techniques];
  const panelId = useId();
  const name = rule.name.trim() || '(unnamed rule)';
  return (
    // The open button alone is the "library-rule" (tests and helpers click its only button);
    // the disclosure button and the panel sit beside it in the entry.
    <li data-testid="library-entry" data-rule-id={rule.id}>
      <div className={`flex items-start ${current ? 'bg-sky-50 dark:bg-sky-950/40' : ''}`}>
        <div data-testid="library-rule" data-rule-id={rule.id} className="min-w-0 flex-1">
          <button
            type="button"
            onClick={() => onOpen(rule)}
            aria-current={current ? 'true' : undefined}
            className="block w-full py-2 pl-4 pr-2 text-left hover:bg-slate-50 focus-visible:outline-offset-[-2px] dark:hover:bg-slate-800/60"
          >
            <span className="flex items-baseline gap-2">
              <span
                aria-hidden
                className={`inline-block size-2 shrink-0 rounded-full ${SEVERITY_DOT[rule.severity] ?? 'bg-slate-400'}`}
              />
              <span data-testid="library-rule-name" className="min-w-0 flex-1 truncate text-sm font-medium">
                {name}
              </span>
              <span className="shrink-0 text-[11px] text-slate-600 dark:text-slate-400">
                {rule.source === 'bundled' ? 'bundled' : 'imported'}
                {rule.default ? ' · default' : ''}
                {current ? ' · open' : ''}
              </span>
            </span>
            <span className="mt-0.5 flex flex-wrap items-center gap-1 pl-4">
              <Chip tone={rule.type === 'eql' ? 'sky' : 'amber'}>
                {rule.type === 'eql' ? 'EQL' : `${ruleTypeName(rule.type)} · not replayable`}
              </Chip>
              <span className="text-[11px] capitalize text-slate-600 dark:text-slate-400">
                {rule.severity} · {rule.risk_score}
              </span>
              {rule.findings.error > 0 && (
                <span className="text-[11px] font-medium text-red-700 dark:text-red-400">
                  {rule.findings.error} error{rule.findings.error === 1 ? '' : 's'}
                </span>
              )}
              {rule.findings.warning > 0 && (
                <span className="text-[11px] text-amber-800 dark:text-amber-300">
                  {rule.findings.warning} warning{rule.findings.warning === 1 ? '' : 's'}
                </span>
              )}
            </span>
            {(attack.length > 0 || rule.tags.length > 0) && (
              <span className="mt-1 flex flex-wrap gap-1 pl-4">
                {attack.map((a) => (
                  <Chip key={`a-${a.id}`} tone="sky">{`${a.id} ${a.name}`}</Chip>
                ))}
                {rule.tags.map((tag) => (
                  <Chip key={`t-${tag}`}>{tag}</Chip>
                ))}
              </span>
            )}
          </button>
        </div>
        <button
          type="button"
          data-testid="library-rule-details"
          aria-expanded={expanded}
          aria-controls={expanded ? panelId : undefined}
          title={rule.read_only ? 'Revisions' : 'Revisions, delete'}
          onClick={onToggle}
          className="mr-2 mt-1.5 shrink-0 rounded px-1.5 py-0.5 text-xs text-slate-600 hover:bg-slate-100 dark:text-slate-400 dark:hover:bg-slate-800"
        >
          <span aria-hidden>{expanded ? '▾' : '▸'}</span> Revisions
          {rule.revision > 1 ? ` (${rule.revision})` : ''}
          <span className="sr-only"> of {name}</span>
        </button>
      </div>
      {expanded && panel(panelId)}
    </li>
  );
}
