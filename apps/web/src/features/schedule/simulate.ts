/**
 * Schedule simulation: the runs a rule scheduled every `interval`, searching back `lookback`
 * each time, would make across the corpus's time span, and the alerts each run would raise.
 * As in Kibana, an event already alerted on is not alerted again when overlapping look-backs
 * see it twice, and a run raises at most `maxSignals` alerts (the rest wait for a later run
 * whose look-back still covers them, or are lost).
 */

export interface TimedMatch {
  readonly id: string;
  /** Epoch millis. */
  readonly ts: number;
}

export interface ScheduleInput {
  readonly intervalMs: number;
  readonly lookbackMs: number;
  readonly maxSignals: number;
  /** Corpus time span, epoch millis. */
  readonly start: number;
  readonly end: number;
  readonly matches: readonly TimedMatch[];
}

export interface RunWithAlerts {
  /** When the run happens (the end of its window). */
  readonly at: number;
  readonly alerts: number;
  /** More new matches were in the window than the cap allowed. */
  readonly capped: boolean;
}

export interface ScheduleResult {
  readonly runCount: number;
  readonly runs: readonly RunWithAlerts[];
  readonly totalAlerts: number;
  readonly cappedRuns: number;
  /** Matches no run alerted on (in a gap, or always over the cap). */
  readonly missed: readonly TimedMatch[];
  /** Time between windows never searched (interval − look-back), 0 if none. */
  readonly gapMs: number;
  /** Time each window repeats of the previous one (look-back − interval), 0 if none. */
  readonly overlapMs: number;
}

/** Guards the browser: a 5m rule over a year is 105k runs; coarser than this is refused. */
export const MAX_RUNS = 2_000_000;

export function simulateSchedule(input: ScheduleInput): ScheduleResult {
  const { intervalMs, lookbackMs, maxSignals, start, end } = input;
  if (!(intervalMs > 0) || !(lookbackMs > 0) || end < start) {
    return {
      runCount: 0,
      runs: [],
      totalAlerts: 0,
      cappedRuns: 0,
      missed: [...input.matches],
      gapMs: 0,
      overlapMs: 0,
    };
  }
  const matches = [...input.matches].sort((a, b) => a.ts - b.ts);
  // The first run sees the first event; runs continue until the last event has been in a window.
  const runCount = Math.min(MAX_RUNS, Math.floor((end - start) / intervalMs) + 1);
  const alerted = new Set<string>();
  const runs: RunWithAlerts[] = [];
  let cappedRuns = 0;
  let totalAlerts = 0;
  let first = 0;
  for (let k = 0; k < runCount; k += 1) {
    const at = start + k * intervalMs;
    const from = at - lookbackMs;
    while (first < matches.length && (matches[first]?.ts ?? 0) <= from) first += 1;
    let fresh = 0;
    let alerts = 0;
    for (let i = first; i < matches.length; i += 1) {
      const m = matches[i];
      if (m === undefined || m.ts > at) break;
      if (alerted.has(m.id)) continue;
      fresh += 1;
      if (alerts < maxSignals) {
        alerted.add(m.id);
        alerts += 1;
      }
    }
    if (fresh === 0) continue;
    const capped = fresh > maxSignals;
    if (capped) cappedRuns += 1;
    totalAlerts += alerts;
    runs.push({ at, alerts, capped });
  }
  return {
    runCount,
    runs,
    totalAlerts,
    cappedRuns,
    missed: matches.filter((m) => !alerted.has(m.id)),
    gapMs: Math.max(0, intervalMs - lookbackMs),
    overlapMs: Math.max(0, lookbackMs - intervalMs),
  };
}

/** Alerts per time bucket across [start, end], for a small bar chart. */
export function bucketRuns(runs: readonly RunWithAlerts[], start: number, end: number, buckets: number) {
  const width = Math.max(1, (end - start) / buckets);
  const out = Array.from({ length: buckets }, (_, i) => ({
    from: start + i * width,
    alerts: 0,
    capped: false,
  }));
  for (const run of runs) {
    const index = Math.min(buckets - 1, Math.max(0, Math.floor((run.at - start) / width)));
    const bucket = out[index];
    if (!bucket) continue;
    bucket.alerts += run.alerts;
    bucket.capped ||= run.capped;
  }
  return out;
}
