/**
 * What one row of the match list shows for an event: when, where, which process, and the DLL
 * or file it touched. Pure, so the list component stays a thin renderer.
 */

import { firstFieldText, getField } from '../../lib/event-fields.js';

export interface EventLike {
  readonly _index: string;
  readonly _id: string;
  readonly _source: Record<string, unknown>;
  readonly missing?: boolean;
}

export interface MatchRow {
  readonly id: string;
  readonly index: string;
  /** Display form of `@timestamp`, UTC. */
  readonly timestamp: string;
  /** The raw `@timestamp` as ISO-8601 when it could be read, for `<time dateTime>`. */
  readonly isoTimestamp: string | undefined;
  readonly host: string | undefined;
  readonly process: string | undefined;
  /** `dll.name`, else `file.name`. */
  readonly target: string | undefined;
  readonly category: string | undefined;
  readonly action: string | undefined;
  readonly missing: boolean;
}

/** Epoch millis (number or numeric string) or ISO-8601 → Date; anything else → null. */
export function readTimestamp(value: unknown): Date | null {
  if (typeof value === 'number' && Number.isFinite(value)) return new Date(value);
  if (typeof value !== 'string' || value.trim() === '') return null;
  const text = value.trim();
  const date = /^-?\d+$/.test(text) ? new Date(Number(text)) : new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** `2020-10-16T12:31:04.123Z` → `2020-10-16 12:31:04.123` (UTC, sortable, compact). */
export function formatTimestamp(value: unknown): string {
  const date = readTimestamp(value);
  if (date === null) return value === undefined || value === null ? '—' : String(value);
  return date.toISOString().replace('T', ' ').replace(/Z$/, '');
}

export function toMatchRow(hit: EventLike): MatchRow {
  const source = hit._source;
  const rawTimestamp = getField(source, '@timestamp');
  const date = readTimestamp(rawTimestamp);
  return {
    id: hit._id,
    index: hit._index,
    timestamp: formatTimestamp(rawTimestamp),
    isoTimestamp: date?.toISOString(),
    host: firstFieldText(source, ['host.name', 'host.hostname', 'agent.hostname']),
    process: firstFieldText(source, ['process.name', 'process.executable']),
    target: firstFieldText(source, ['dll.name', 'file.name']),
    category: firstFieldText(source, ['event.category']),
    action: firstFieldText(source, ['event.action']),
    missing: hit.missing === true,
  };
}

/** Milliseconds between two events' timestamps, as "+1.2s", "+3m 4s"; undefined if unknown. */
export function formatGap(fromValue: unknown, toValue: unknown): string | undefined {
  const from = readTimestamp(fromValue);
  const to = readTimestamp(toValue);
  if (from === null || to === null) return undefined;
  const ms = to.getTime() - from.getTime();
  const sign = ms < 0 ? '-' : '+';
  const abs = Math.abs(ms);
  if (abs < 1000) return `${sign}${abs}ms`;
  if (abs < 60_000) return `${sign}${(abs / 1000).toFixed(abs % 1000 === 0 ? 0 : 1)}s`;
  const minutes = Math.floor(abs / 60_000);
  const seconds = Math.round((abs % 60_000) / 1000);
  if (minutes < 60) return seconds === 0 ? `${sign}${minutes}m` : `${sign}${minutes}m ${seconds}s`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${sign}${hours}h` : `${sign}${hours}h ${rest}m`;
}
