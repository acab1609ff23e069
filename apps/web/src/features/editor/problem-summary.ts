import { plural } from '../../lib/plural.js';
import { isError } from './diagnose.js';
import type { Diagnostic } from './markers.js';

export type Level = 'error' | 'warning' | 'info';

export function levelOf(d: Diagnostic): Level {
  return isError(d) ? 'error' : d.severity === 'info' ? 'info' : 'warning';
}

/** "2 errors · 1 warning": every level that has findings, heaviest first. */
export function problemSummary(diagnostics: readonly Diagnostic[]): string {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[levelOf(d)] += 1;
  return (['error', 'warning', 'info'] as const)
    .filter((level) => counts[level] > 0)
    .map((level) => plural(counts[level], level === 'info' ? 'note' : level))
    .join(' · ');
}
