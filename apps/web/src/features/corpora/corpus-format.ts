/**
 * How corpora and their import reports read on screen. Pure, so the wording is tested once
 * and every component says the same thing the same way.
 */
import type { RejectedRecord } from './types.js';

const numberFormat = new Intl.NumberFormat('en-US');

export function formatCount(n: number, noun: string, plural = `${noun}s`): string {
  return `${numberFormat.format(n)} ${n === 1 ? noun : plural}`;
}

function parseIso(value: string | null | undefined): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** `2021-11-30 22:05:44` (UTC, seconds). */
function utcSeconds(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * The span a corpus covers, in UTC: the second date drops what it shares with the first, so a
 * same-day range reads `2021-11-30 22:05:44 → 22:05:59`. `short` keeps dates only.
 */
export function formatTimeRange(
  min: string | null | undefined,
  max: string | null | undefined,
  short = false,
): string | undefined {
  const from = parseIso(min);
  const to = parseIso(max);
  if (from === null || to === null) return undefined;
  if (short) {
    const a = from.toISOString().slice(0, 10);
    const b = to.toISOString().slice(0, 10);
    return a === b ? a : `${a} → ${b}`;
  }
  const a = utcSeconds(from);
  const b = utcSeconds(to);
  if (a === b) return `${a} UTC`;
  const sameDay = a.slice(0, 10) === b.slice(0, 10);
  return `${a} → ${sameDay ? b.slice(11) : b} UTC`;
}

const ARCHIVE_SUFFIX = /\.(gz|gzip|zip)$/i;
const FORMAT_SUFFIX = /\.(ndjson|jsonl|json|evtx|log|txt)$/i;

/** A file's name without its folder and its format/compression extensions. */
export function fileStem(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const stem = base.replace(ARCHIVE_SUFFIX, '').replace(FORMAT_SUFFIX, '').trim();
  return stem === '' ? base : stem;
}

/** The name a new corpus gets unless the user types one (the server accepts 1–200 characters). */
export function defaultCorpusName(fileNames: readonly string[]): string {
  const first = fileNames[0];
  if (first === undefined) return '';
  const stem = fileStem(first);
  const name =
    fileNames.length === 1
      ? stem
      : `${stem} + ${formatCount(fileNames.length - 1, 'more file', 'more files')}`;
  return name.length > 200 ? `${name.slice(0, 199)}…` : name;
}

/** `bad.ndjson, line 2`, `archive.zip › a.json, element 3`, `record 4`. */
export function describePosition(error: RejectedRecord): string {
  const where: string[] = [];
  const source = [error.file, error.entry].filter((s): s is string => s !== undefined && s !== '');
  if (source.length > 0) where.push(source.join(' › '));
  if (error.line !== undefined) where.push(`line ${error.line}`);
  if (error.element !== undefined) where.push(`element ${error.element}`);
  if (error.record !== undefined) where.push(`record ${error.record}`);
  return where.length === 0 ? 'the input' : where.join(', ');
}

const UNITS = ['B', 'KB', 'MB', 'GB'] as const;

export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toFixed(digits)} ${UNITS[unit]}`;
}
