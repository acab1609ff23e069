import { useMemo } from 'react';
import { diffLines } from '../line-diff.js';

const MARK = { same: ' ', added: '+', removed: '−' } as const;
const ROW = {
  same: 'text-slate-700 dark:text-slate-300',
  added: 'bg-emerald-50 text-emerald-900 dark:bg-emerald-950/60 dark:text-emerald-200',
  removed: 'bg-red-50 text-red-900 dark:bg-red-950/60 dark:text-red-200',
} as const;

/** Two texts line by line: removed lines marked −, added +, with their line numbers. */
export function LineDiffView({ before, after, label }: { before: string; after: string; label: string }) {
  const lines = useMemo(() => diffLines(before, after), [before, after]);
  return (
    <table
      data-testid="line-diff"
      aria-label={label}
      className="w-full border-collapse font-mono text-[11.5px] leading-4"
    >
      <tbody>
        {lines.map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: diff lines are positional.
          <tr key={i} data-kind={line.kind} className={ROW[line.kind]}>
            <td className="w-8 select-none pr-1 text-right text-slate-400">{line.before ?? ''}</td>
            <td className="w-8 select-none pr-1 text-right text-slate-400">{line.after ?? ''}</td>
            <td
              className="w-4 select-none text-center"
              aria-label={line.kind === 'same' ? undefined : line.kind}
            >
              {MARK[line.kind]}
            </td>
            <td className="whitespace-pre-wrap break-all">{line.text}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
