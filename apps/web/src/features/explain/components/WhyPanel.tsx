import type { EventQueryExplanation, EventSource, ExplainNode, SourceRange } from '@rulebench/eql';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import {
  describeFieldNode,
  explainEvent,
  formatEqlValue,
  operandSummary,
  type Verdict,
  verdictOf,
} from '../explain-event.js';
import { ensureTabStop, onTreeKeyDown } from '../tree-keys.js';

interface WhyPanelProps {
  readonly query: string;
  readonly source: EventSource;
  /** Called with the clause under the pointer or focus (null when it leaves). */
  readonly onHighlight: (range: SourceRange | null) => void;
}

const BADGE: Record<Verdict, string> = {
  true: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300',
  false: 'bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300',
  null: 'bg-slate-200 text-slate-700 dark:bg-slate-700 dark:text-slate-200',
  value: 'bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-300',
};

function Badge({ node }: { node: ExplainNode }) {
  const verdict = verdictOf(node);
  const text = verdict === 'value' ? formatEqlValue(node.value) : verdict;
  return (
    <span
      className={`inline-block max-w-40 shrink-0 truncate rounded px-1 font-mono text-[11px] leading-4 ${BADGE[verdict]}`}
      title={text}
    >
      {text}
    </span>
  );
}

interface NodeRowProps {
  readonly node: ExplainNode;
  readonly depth: number;
  readonly onHighlight: (range: SourceRange | null) => void;
  readonly defaultOpen: boolean;
}

function NodeRow({ node, depth, onHighlight, defaultOpen }: NodeRowProps) {
  const [open, setOpen] = useState(defaultOpen);
  const verdict = verdictOf(node);
  const failed = node.mode === 'filter' && verdict !== 'true';
  const expandable = node.children.length > 0 && node.kind !== 'Field';
  const fieldValue = describeFieldNode(node);
  // Comparisons list their operands inline; only the boolean structure nests. A collapsed group
  // lists the values of all its leaves, so an `or` that held still shows what the event had.
  const structural = node.kind === 'Logical' || node.kind === 'Not';
  const operands = node.mode === 'filter' && (!structural || !open) ? operandSummary(node) : [];
  const showChildren = expandable && open && structural;
  // Secondary text on a failed clause's red tint: slate-500 falls below 4.5:1 there.
  const muted = failed ? 'text-slate-600 dark:text-slate-300' : 'text-slate-500 dark:text-slate-400';
  const enter = () => onHighlight(node.loc);
  const leave = () => onHighlight(null);
  return (
    <div role="none" data-testid="why-clause" data-verdict={verdict}>
      <div
        role="treeitem"
        aria-expanded={expandable && structural ? open : undefined}
        aria-selected={false}
        tabIndex={-1}
        onMouseEnter={enter}
        onMouseLeave={leave}
        onFocus={enter}
        onBlur={leave}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            setOpen((o) => !o);
          }
        }}
        style={{ paddingLeft: `${0.5 + depth * 0.9}rem` }}
        className={`flex cursor-default items-start gap-1.5 py-0.5 pr-2 hover:bg-amber-50 dark:hover:bg-amber-950/40 ${
          failed ? 'bg-red-50/70 dark:bg-red-950/30' : ''
        }`}
      >
        <Badge node={node} />
        <div className="min-w-0 flex-1">
          <code className={`break-words font-mono text-xs ${failed ? 'text-red-900 dark:text-red-200' : ''}`}>
            {node.label}
          </code>
          {fieldValue !== undefined && (
            <span className={`ml-1.5 font-mono text-[11px] ${muted}`}>= {fieldValue}</span>
          )}
          {operands.length > 0 && (
            <div
              data-testid="why-operands"
              className={`mt-0.5 flex flex-wrap gap-x-3 font-mono text-[11px] ${muted}`}
            >
              {operands.map((o) => (
                <span key={`${o.label}=${o.value}`} className="break-all">
                  {o.label} = <span className="text-slate-700 dark:text-slate-300">{o.value}</span>
                </span>
              ))}
            </div>
          )}
          {node.error && <div className="text-[11px] text-red-700 dark:text-red-400">{node.error}</div>}
        </div>
      </div>
      {showChildren && (
        // biome-ignore lint/a11y/useSemanticElements: an ARIA group inside a tree; fieldset is for forms.
        <div role="group">
          {node.children.map((child, i) => (
            <NodeRow
              // biome-ignore lint/suspicious/noArrayIndexKey: children are positional operands.
              key={i}
              node={child}
              depth={depth + 1}
              onHighlight={onHighlight}
              defaultOpen={verdictOf(child) !== 'true'}
            />
          ))}
        </div>
      )}
    </div>
  );
}

function TermView({
  term,
  title,
  onHighlight,
}: {
  term: EventQueryExplanation;
  title: string | null;
  onHighlight: (range: SourceRange | null) => void;
}) {
  const failedCount = term.failedClauses.length + (term.category.matched ? 0 : 1);
  // One Tab stop for the whole tree; arrow keys move inside it (see tree-keys.ts).
  const treeRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => ensureTabStop(treeRef.current));
  return (
    <section className="border-b border-slate-100 py-1.5 last:border-b-0 dark:border-slate-800">
      <div className="flex items-center gap-2 px-2 pb-1 text-xs">
        {title && <span className="font-semibold text-slate-600 dark:text-slate-300">{title}</span>}
        <span
          data-testid="why-verdict"
          className={`font-semibold ${term.matched ? 'text-emerald-700 dark:text-emerald-400' : 'text-red-700 dark:text-red-400'}`}
        >
          {term.matched ? 'Matches' : `No match: ${failedCount} of ${term.clauses.length + 1} checks failed`}
        </span>
      </div>
      <div
        ref={treeRef}
        role="tree"
        aria-label={title ?? 'Explanation'}
        className="text-xs"
        onKeyDown={onTreeKeyDown}
      >
        <div role="none" data-testid="why-clause" data-verdict={term.category.matched ? 'true' : 'false'}>
          <div
            role="treeitem"
            aria-selected={false}
            tabIndex={-1}
            onMouseEnter={() => onHighlight(term.category.loc)}
            onMouseLeave={() => onHighlight(null)}
            onFocus={() => onHighlight(term.category.loc)}
            onBlur={() => onHighlight(null)}
            className={`flex items-start gap-1.5 py-0.5 pr-2 pl-2 hover:bg-amber-50 dark:hover:bg-amber-950/40 ${
              term.category.matched ? '' : 'bg-red-50/70 dark:bg-red-950/30'
            }`}
          >
            <span
              className={`inline-block shrink-0 rounded px-1 font-mono text-[11px] leading-4 ${BADGE[term.category.matched ? 'true' : 'false']}`}
            >
              {String(term.category.matched)}
            </span>
            <span className="font-mono text-xs">
              category {term.category.expected === null ? 'any' : formatEqlValue(term.category.expected)}
              <span
                className={`ml-1.5 text-[11px] ${
                  term.category.matched
                    ? 'text-slate-500 dark:text-slate-400'
                    : 'text-slate-600 dark:text-slate-300'
                }`}
              >
                ={' '}
                {term.category.actual.length === 0
                  ? 'missing'
                  : `[${term.category.actual.map(formatEqlValue).join(', ')}]`}
              </span>
            </span>
          </div>
        </div>
        {term.clauses.map((clause, i) => (
          <NodeRow
            // biome-ignore lint/suspicious/noArrayIndexKey: clauses are positional.
            key={i}
            node={clause}
            depth={0}
            onHighlight={onHighlight}
            defaultOpen={verdictOf(clause) !== 'true'}
          />
        ))}
      </div>
    </section>
  );
}

/** The engine's explanation tree for one event against the query as typed. */
export function WhyPanel({ query, source, onHighlight }: WhyPanelProps) {
  const result = useMemo(() => explainEvent(query, source), [query, source]);
  if (!result.ok) {
    return (
      <p data-testid="why-panel" className="px-3 py-2 text-xs text-slate-500 dark:text-slate-400">
        Fix the query to see why this event matches or not ({result.reason}).
      </p>
    );
  }
  const { terms, kind } = result.explanation;
  return (
    <div data-testid="why-panel">
      {terms.map((term, i) => (
        <TermView
          // biome-ignore lint/suspicious/noArrayIndexKey: one explanation per stage, in order.
          key={i}
          term={term}
          title={kind === 'EventQuery' ? null : `Stage ${i + 1}`}
          onHighlight={onHighlight}
        />
      ))}
    </div>
  );
}
