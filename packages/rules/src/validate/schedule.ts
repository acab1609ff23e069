import { RULE_DEFAULTS } from '../defaults.js';
import type { Rule } from '../rule.js';
import type { Finding } from './finding.js';

const UNIT_MS: Readonly<Record<string, number>> = {
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  H: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
  M: 2_592_000_000,
  y: 31_536_000_000,
};

/** A Kibana rule interval (`5m`, `1h`, `30s`, `1d`) in milliseconds, or undefined if malformed. */
export function parseInterval(text: string): number | undefined {
  const match = /^(\d+)([smhd])$/.exec(text);
  if (!match) return undefined;
  return Number(match[1]) * (UNIT_MS[match[2] ?? ''] ?? 0);
}

/**
 * How far before "now" an Elasticsearch date-math expression relative to now points, in ms
 * (`now-9m` → 540000), or undefined if the text is not `now` followed by ±N<unit> steps and an
 * optional `/unit` rounding. Months and years count as 30 and 365 days.
 */
export function parseRelativeDateMath(text: string): number | undefined {
  const match = /^now((?:[+-]\d+[yMwdhHms])*)(?:\/[yMwdhHms])?$/.exec(text);
  if (!match) return undefined;
  let offset = 0;
  for (const step of (match[1] ?? '').matchAll(/([+-])(\d+)([yMwdhHms])/g)) {
    const ms = Number(step[2]) * (UNIT_MS[step[3] ?? ''] ?? 0);
    offset += step[1] === '-' ? ms : -ms;
  }
  return offset;
}

/**
 * An absolute Elasticsearch date (`2024-01-01`, `2024-01-01T00:00:00Z`), optionally followed by
 * `||` and date math (`2024-01-01||-1d`). Kibana accepts one as a rule's `from`.
 */
export function isAbsoluteDateMath(text: string): boolean {
  const match =
    /^(\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?)(?:\|\|(?:[+-]\d+[yMwdhHms])*(?:\/[yMwdhHms])?)?$/.exec(
      text,
    );
  return match !== null && !Number.isNaN(Date.parse(match[1] ?? ''));
}

/** Kibana's default `xpack.alerting.rules.minimumScheduleInterval`. */
const MINIMUM_INTERVAL_MS = 60_000;

function formatDuration(ms: number): string {
  for (const [unit, size] of [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1_000],
  ] as const) {
    if (ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
}

export function validateSchedule(rule: Rule): Finding[] {
  const findings: Finding[] = [];
  const interval = parseInterval(rule.interval ?? RULE_DEFAULTS.interval);
  if (rule.interval !== undefined && interval === undefined) {
    findings.push({
      severity: 'error',
      code: 'interval-format',
      field: 'interval',
      message: `interval "${rule.interval}" is not a duration like 5m, 1h, 30s or 1d.`,
    });
  } else if (interval === 0) {
    findings.push({
      severity: 'error',
      code: 'interval-format',
      field: 'interval',
      message: 'interval must be longer than 0.',
    });
  } else if (interval !== undefined && interval < MINIMUM_INTERVAL_MS) {
    findings.push({
      severity: 'warning',
      code: 'interval-minimum',
      field: 'interval',
      message: `interval ${rule.interval} is shorter than Kibana's default minimum rule interval of 1m (xpack.alerting.rules.minimumScheduleInterval).`,
    });
  }
  const lookBack = parseRelativeDateMath(rule.from ?? RULE_DEFAULTS.from);
  if (rule.from !== undefined && lookBack === undefined && isAbsoluteDateMath(rule.from)) {
    findings.push({
      severity: 'info',
      code: 'from-absolute',
      field: 'from',
      message: `from "${rule.from}" is a fixed date: every run searches everything since then, not a window before now (like now-6m).`,
    });
  } else if (rule.from !== undefined && lookBack === undefined) {
    findings.push({
      severity: 'error',
      code: 'from-format',
      field: 'from',
      message: `from "${rule.from}" is not date math relative to now, like now-6m.`,
    });
  }
  const to = parseRelativeDateMath(rule.to ?? RULE_DEFAULTS.to);
  if (rule.to !== undefined && to === undefined) {
    findings.push({
      severity: 'error',
      code: 'to-format',
      field: 'to',
      message: `to "${rule.to}" is not date math relative to now, like now.`,
    });
  }
  if (interval !== undefined && interval > 0 && lookBack !== undefined && to !== undefined) {
    const window = lookBack - to;
    if (window <= 0) {
      findings.push({
        severity: 'error',
        code: 'empty-window',
        field: 'from',
        message: `from "${rule.from ?? RULE_DEFAULTS.from}" is not before to "${rule.to ?? RULE_DEFAULTS.to}": the rule searches no time at all.`,
      });
    } else if (window < interval) {
      findings.push({
        severity: 'warning',
        code: 'schedule-gap',
        field: 'from',
        message: `The rule runs every ${formatDuration(interval)} but looks back only ${formatDuration(window)}: events in a ${formatDuration(interval - window)} gap between runs are never searched.`,
      });
    }
  }
  if (rule.max_signals !== undefined && (rule.max_signals < 1 || !Number.isInteger(rule.max_signals))) {
    findings.push({
      severity: 'error',
      code: 'max-signals',
      field: 'max_signals',
      message: `max_signals must be a whole number of at least 1, not ${rule.max_signals}.`,
    });
  } else if (rule.max_signals !== undefined && rule.max_signals > 1000) {
    findings.push({
      severity: 'warning',
      code: 'max-signals',
      field: 'max_signals',
      message: "max_signals above 1000 is capped by Kibana's default alert limit per run (1000).",
    });
  }
  return findings;
}
