import type { ReactNode } from 'react';
import { describeSchedule } from '../schedule.js';
import type { Rule } from '../types.js';

const SEVERITY_STYLE: Record<string, string> = {
  low: 'bg-emerald-100 text-emerald-800 ring-emerald-300 dark:bg-emerald-950 dark:text-emerald-300 dark:ring-emerald-800',
  medium:
    'bg-amber-100 text-amber-800 ring-amber-300 dark:bg-amber-950 dark:text-amber-300 dark:ring-amber-800',
  high: 'bg-orange-100 text-orange-800 ring-orange-300 dark:bg-orange-950 dark:text-orange-300 dark:ring-orange-800',
  critical: 'bg-red-100 text-red-800 ring-red-300 dark:bg-red-950 dark:text-red-300 dark:ring-red-800',
};
const NEUTRAL =
  'bg-slate-100 text-slate-700 ring-slate-300 dark:bg-slate-800 dark:text-slate-300 dark:ring-slate-600';

function Meta({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex items-baseline gap-1.5 whitespace-nowrap">
      <dt className="text-[11px] font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">
        {label}
      </dt>
      <dd className="text-sm">{children}</dd>
    </div>
  );
}

export function RuleHeader({ rule }: { rule: Rule }) {
  const severity = rule.severity ?? 'unknown';
  const schedule = describeSchedule(rule.interval, rule.from, rule.max_signals);
  return (
    <section aria-label="Rule" className="min-w-0 flex-1">
      <div className="flex min-w-0 flex-wrap items-baseline gap-x-5 gap-y-1">
        <h1
          data-testid="rule-name"
          className="min-w-0 truncate text-base font-semibold"
          title={rule.description ?? rule.name}
        >
          {rule.name}
        </h1>
        <dl className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
          <Meta label="Severity">
            <span
              data-testid="rule-severity"
              className={`rounded px-1.5 py-0.5 text-xs font-semibold capitalize ring-1 ring-inset ${SEVERITY_STYLE[severity] ?? NEUTRAL}`}
            >
              {severity}
            </span>
          </Meta>
          <Meta label="Risk score">
            <span data-testid="rule-risk-score" className="font-mono tabular-nums">
              {rule.risk_score ?? '—'}
            </span>
          </Meta>
          <Meta label="Schedule">
            <span
              data-testid="rule-schedule"
              title={schedule.detail}
              className="cursor-help underline decoration-slate-400 decoration-dotted underline-offset-2"
            >
              {schedule.label}
            </span>
          </Meta>
        </dl>
      </div>
      <ul data-testid="rule-tags" className="mt-1 flex flex-wrap gap-1" aria-label="Tags">
        {(rule.tags ?? []).map((tag) => (
          <li
            key={tag}
            className="rounded-sm bg-slate-100 px-1 py-px text-[11px] leading-4 text-slate-600 dark:bg-slate-800 dark:text-slate-300"
          >
            {tag}
          </li>
        ))}
      </ul>
    </section>
  );
}
