import { useMemo } from 'react';
import { getField } from '../../../lib/event-fields.js';
import { matchCount, shownCount } from '../../../lib/match-count.js';
import { plural } from '../../../lib/plural.js';
import { durationMillis, formatDuration } from '../../rule/schedule.js';
import { readTimestamp } from '../../search/match-row.js';
import type { EqlSearchResponse } from '../../search/types.js';
import { bucketRuns, simulateSchedule, type TimedMatch } from '../simulate.js';

interface ScheduleViewProps {
  readonly interval: string | undefined;
  readonly from: string | undefined;
  readonly maxSignals: number | undefined;
  /** Corpus time span (ISO-8601). */
  readonly start: string | null | undefined;
  readonly end: string | null | undefined;
  readonly response: EqlSearchResponse | undefined;
}

const BUCKETS = 80;
const fmt = new Intl.NumberFormat('en-US');

/** Matches with a timestamp: events, or the last event of each sequence (when it would alert). */
function timedMatches(response: EqlSearchResponse): TimedMatch[] {
  const out: TimedMatch[] = [];
  const add = (id: string, source: unknown) => {
    const date = readTimestamp(getField(source, '@timestamp'));
    if (date) out.push({ id, ts: date.getTime() });
  };
  for (const hit of response.hits.events ?? []) add(hit._id, hit._source);
  (response.hits.sequences ?? []).forEach((sequence, i) => {
    const last = [...sequence.events].reverse().find((e) => !e.missing);
    if (last) add(`s${i}:${last._id}`, last._source);
  });
  return out;
}

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

/** A timeline of the runs a scheduled rule would make over the corpus, and their alerts. */
export function ScheduleView({ interval, from, maxSignals, start, end, response }: ScheduleViewProps) {
  const intervalMs = durationMillis(interval ?? '5m');
  const lookbackMs = durationMillis(from ?? 'now-6m');
  const cap = maxSignals ?? 100;
  const startMs = start ? Date.parse(start) : Number.NaN;
  const endMs = end ? Date.parse(end) : Number.NaN;
  const result = useMemo(() => {
    if (
      !response ||
      intervalMs === null ||
      lookbackMs === null ||
      Number.isNaN(startMs) ||
      Number.isNaN(endMs)
    )
      return null;
    return simulateSchedule({
      intervalMs,
      lookbackMs,
      maxSignals: cap,
      start: startMs,
      end: endMs,
      matches: timedMatches(response),
    });
  }, [response, intervalMs, lookbackMs, cap, startMs, endMs]);

  if (!response)
    return (
      <p className="p-4 text-sm text-slate-500 dark:text-slate-400">
        Run the query to simulate its schedule.
      </p>
    );
  if (result === null || intervalMs === null || lookbackMs === null) {
    return (
      <p className="p-4 text-sm text-slate-500 dark:text-slate-400">
        The schedule cannot be simulated: the rule's interval or look-back, or the corpus's time span, is
        unknown.
      </p>
    );
  }
  const buckets = bucketRuns(result.runs, startMs, endMs, BUCKETS);
  const peak = Math.max(1, ...buckets.map((b) => b.alerts));
  const matches = matchCount(response);
  const shown = shownCount(response) < matches.value;
  return (
    <div data-testid="schedule-view" className="min-h-0 flex-1 overflow-y-auto px-3 py-2 text-xs">
      <p className="leading-relaxed">
        <strong>{fmt.format(result.runCount)}</strong> {result.runCount === 1 ? 'run' : 'runs'} every{' '}
        {formatDuration(intervalMs)} from {day(startMs)} to {day(endMs)} UTC, each searching the last{' '}
        {formatDuration(lookbackMs)}
        {result.overlapMs > 0 && (
          <> (overlapping the previous run by {formatDuration(result.overlapMs)}, de-duplicated)</>
        )}
        .
      </p>
      <p className="mt-1">
        <strong data-testid="schedule-alerts">{fmt.format(result.totalAlerts)}</strong>{' '}
        {result.totalAlerts === 1 ? 'alert' : 'alerts'} in {plural(result.runs.length, 'run')}
        {result.cappedRuns > 0 ? (
          <span className="font-semibold text-amber-700 dark:text-amber-400">
            {' '}
            · {plural(result.cappedRuns, 'run')} hit the cap of {plural(cap, 'alert')}
          </span>
        ) : (
          <> · no run reaches the cap of {cap}</>
        )}
        {result.missed.length > 0 && (
          <span className="font-semibold text-red-700 dark:text-red-400">
            {' '}
            · {plural(result.missed.length, 'match', 'matches')} never alerted
          </span>
        )}
        .
      </p>
      {result.gapMs > 0 && (
        <p className="mt-1 font-semibold text-red-700 dark:text-red-400">
          Gap: the look-back is {formatDuration(result.gapMs)} shorter than the interval, so part of every
          interval is never searched.
        </p>
      )}
      {shown && (
        <p className="mt-1 text-amber-700 dark:text-amber-400">
          Simulated on the matches returned only; raise Size to include all {fmt.format(matches.value)}.
        </p>
      )}
      <svg
        role="img"
        aria-label={`Alerts over time: ${plural(result.totalAlerts, 'alert')} in ${plural(result.runs.length, 'run')}`}
        viewBox={`0 0 ${BUCKETS} 40`}
        preserveAspectRatio="none"
        className="mt-3 h-24 w-full rounded border border-slate-200 bg-slate-50 dark:border-slate-700 dark:bg-slate-800/60"
      >
        {buckets.map((b, i) =>
          b.alerts === 0 ? null : (
            <rect
              key={b.from}
              x={i + 0.1}
              width={0.8}
              y={40 - (b.alerts / peak) * 38}
              height={(b.alerts / peak) * 38}
              className={b.capped ? 'fill-amber-500' : 'fill-sky-600 dark:fill-sky-400'}
            >
              <title>{`${day(b.from)}: ${b.alerts} alert${b.alerts === 1 ? '' : 's'}${b.capped ? ' (cap reached)' : ''}`}</title>
            </rect>
          ),
        )}
      </svg>
      <div className="mt-0.5 flex justify-between text-[10px] text-slate-500 dark:text-slate-400">
        <span>{day(startMs)}</span>
        <span>peak {peak} per bucket · amber: cap reached</span>
        <span>{day(endMs)}</span>
      </div>
      {result.runs.length > 0 && (
        <table className="mt-3 w-full text-left">
          <caption className="pb-1 text-left text-[11px] font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
            Runs with alerts{result.runs.length > 50 ? ' (first 50)' : ''}
          </caption>
          <thead>
            <tr className="text-slate-500 dark:text-slate-400">
              <th className="font-medium">Run at (UTC)</th>
              <th className="font-medium">Alerts</th>
            </tr>
          </thead>
          <tbody className="font-mono">
            {result.runs.slice(0, 50).map((run) => (
              <tr key={run.at} className={run.capped ? 'text-amber-700 dark:text-amber-400' : ''}>
                <td>{new Date(run.at).toISOString().replace('T', ' ').slice(0, 19)}</td>
                <td>
                  {run.alerts}
                  {run.capped ? ' (cap)' : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
