/**
 * How a rule's schedule reads in the header, e.g. "every 5m, look-back now-9m". Kibana
 * searches from `from` on every run, so with interval 5m and from now-9m each run overlaps the
 * previous by 4m (the "additional look-back"), which the tooltip spells out.
 */

const DURATION = /^(\d+)\s*(ms|s|m|h|d)$/;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `5m` → 300000; `now-9m` → 540000 (the look-back); anything else → null. */
export function durationMillis(text: string | undefined): number | null {
  if (text === undefined) return null;
  const match = DURATION.exec(text.trim().replace(/^now-/, ''));
  if (!match) return null;
  const unit = UNIT_MS[match[2] ?? ''];
  return unit === undefined ? null : Number(match[1]) * unit;
}

/** 240000 → "4m"; picks the largest unit that divides the value exactly. */
export function formatDuration(millis: number): string {
  for (const unit of ['d', 'h', 'm', 's'] as const) {
    const size = UNIT_MS[unit] ?? 1;
    if (millis !== 0 && millis % size === 0) return `${millis / size}${unit}`;
  }
  return `${millis}ms`;
}

export interface ScheduleText {
  readonly label: string;
  readonly detail: string;
}

export function describeSchedule(
  interval: string | undefined,
  from: string | undefined,
  maxSignals?: number,
): ScheduleText {
  const every = interval ?? '5m';
  const lookBack = from ?? 'now-6m';
  const label = `every ${every}, look-back ${lookBack}`;
  const parts = [`Runs every ${every} and searches events from ${lookBack} to now.`];
  const intervalMs = durationMillis(every);
  const fromMs = durationMillis(lookBack);
  if (intervalMs !== null && fromMs !== null) {
    if (fromMs > intervalMs)
      parts.push(`Each run overlaps the previous one by ${formatDuration(fromMs - intervalMs)}.`);
    else if (fromMs < intervalMs)
      parts.push(`Gap: ${formatDuration(intervalMs - fromMs)} between runs is never searched.`);
  }
  if (maxSignals !== undefined) parts.push(`At most ${maxSignals} alerts per run.`);
  return { label, detail: parts.join(' ') };
}
