import { parseTimestamp } from '../corpora/timestamp.js';

const UNIT_MILLIS: Readonly<Record<string, number>> = {
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  H: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
};

/**
 * A date in an Elasticsearch `range` clause: epoch millis, an ISO-8601 date, or date math
 * anchored on `now` or on a date (`now-9m`, `2024-01-01||+1d`, `now/d`). Months and years use
 * calendar arithmetic in UTC. Returns undefined when the text is none of these.
 */
export function resolveDateMath(value: unknown, now: number = Date.now()): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  let anchor: number | undefined;
  let rest: string;
  if (value.startsWith('now')) {
    anchor = now;
    rest = value.slice(3);
  } else {
    const split = value.indexOf('||');
    anchor = parseTimestamp(split === -1 ? value : value.slice(0, split));
    rest = split === -1 ? '' : value.slice(split + 2);
  }
  if (anchor === undefined) return undefined;
  let time = anchor;
  const step = /^([+-])(\d+)([yMwdhHms])|^\/([yMwdhHms])/;
  while (rest !== '') {
    const match = step.exec(rest);
    if (!match) return undefined;
    rest = rest.slice(match[0].length);
    if (match[4] !== undefined) {
      time = roundDown(time, match[4]);
      continue;
    }
    const amount = Number(match[2]) * (match[1] === '-' ? -1 : 1);
    time = addUnits(time, amount, match[3] ?? 'ms');
  }
  return time;
}

function addUnits(time: number, amount: number, unit: string): number {
  const date = new Date(time);
  if (unit === 'M') return date.setUTCMonth(date.getUTCMonth() + amount);
  if (unit === 'y') return date.setUTCFullYear(date.getUTCFullYear() + amount);
  return time + amount * (UNIT_MILLIS[unit] ?? 0);
}

function roundDown(time: number, unit: string): number {
  const d = new Date(time);
  switch (unit) {
    case 'y':
      return Date.UTC(d.getUTCFullYear(), 0, 1);
    case 'M':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    case 'w': {
      // Elasticsearch weeks start on Monday.
      const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
      return day - ((d.getUTCDay() + 6) % 7) * 86_400_000;
    }
    default: {
      const size = UNIT_MILLIS[unit] ?? 1;
      return Math.floor(time / size) * size;
    }
  }
}
