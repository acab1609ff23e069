import { matchCount, shownCount, type WorkbenchSearchResponse } from '../../../lib/match-count.js';

const fmt = new Intl.NumberFormat('en-US');

/** "3 matches · 12 ms", plus how many are shown when the size cut the list. */
export function ResultSummary({ response }: { response: WorkbenchSearchResponse }) {
  const total = matchCount(response);
  const shown = shownCount(response);
  const noun = response.hits.sequences !== undefined ? 'sequence' : 'match';
  const plural = noun === 'match' ? 'matches' : 'sequences';
  return (
    <div className="flex items-baseline gap-1.5 text-xs">
      <span className="font-semibold text-slate-900 dark:text-slate-100">
        {total.relation === 'gte' ? '≥' : ''}
        <span data-testid="match-count">{total.value}</span> {total.value === 1 ? noun : plural}
      </span>
      {shown < total.value && (
        <span data-testid="match-shown" className="font-normal text-slate-500 dark:text-slate-400">
          (showing {fmt.format(shown)} of {fmt.format(total.value)})
        </span>
      )}
      <span
        className="font-normal text-slate-500 dark:text-slate-400"
        data-testid="search-took"
        title="Time the server spent searching"
      >
        · {response.took} ms
      </span>
    </div>
  );
}
