/**
 * Rule exceptions as Kibana offers them: an item is a list of entries that must all hold for
 * an alert to be suppressed. Evaluated on an event's `_source` to preview which matches an
 * exception would remove.
 */

import { getField } from '../../lib/event-fields.js';

export type ExceptionOperator =
  | 'is'
  | 'is not'
  | 'is one of'
  | 'is not one of'
  | 'exists'
  | 'does not exist'
  | 'matches'
  | 'does not match';

export const EXCEPTION_OPERATORS: readonly ExceptionOperator[] = [
  'is',
  'is not',
  'is one of',
  'is not one of',
  'exists',
  'does not exist',
  'matches',
  'does not match',
];

export interface ExceptionEntry {
  readonly field: string;
  readonly operator: ExceptionOperator;
  /** For `is one of`: one value per line. Unused for `exists`. */
  readonly value: string;
}

export function needsValue(operator: ExceptionOperator): boolean {
  return operator !== 'exists' && operator !== 'does not exist';
}

/** Every scalar value at `field`, as strings (arrays flattened, null dropped). */
export function valuesOf(source: unknown, field: string): string[] {
  const value = getField(source, field);
  const flat = Array.isArray(value) ? value.flat(Number.POSITIVE_INFINITY) : [value];
  return flat.filter((v) => v !== null && v !== undefined && typeof v !== 'object').map(String);
}

/** `*` any run, `?` one character, everything else literal; whole-value, case-insensitive. */
export function wildcardToRegExp(pattern: string): RegExp {
  const body = [...pattern]
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[\\^$.|+()[\]{}]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`, 'is');
}

export function entryHolds(entry: ExceptionEntry, source: unknown): boolean {
  const values = valuesOf(source, entry.field);
  switch (entry.operator) {
    case 'exists':
      return values.length > 0;
    case 'does not exist':
      return values.length === 0;
    case 'is':
      return values.includes(entry.value);
    case 'is not':
      return !values.includes(entry.value);
    case 'is one of': {
      const list = listOf(entry.value);
      return values.some((v) => list.includes(v));
    }
    case 'is not one of': {
      const list = listOf(entry.value);
      return !values.some((v) => list.includes(v));
    }
    case 'matches': {
      const re = wildcardToRegExp(entry.value);
      return values.some((v) => re.test(v));
    }
    case 'does not match': {
      const re = wildcardToRegExp(entry.value);
      return !values.some((v) => re.test(v));
    }
  }
}

/** One value per line (or comma-separated on one line), trimmed, empty ones dropped. */
export function listOf(text: string): string[] {
  const parts = text.includes('\n') ? text.split('\n') : text.split(',');
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/** Whether an exception item (all entries, AND) suppresses the event. Incomplete entries never do. */
export function suppresses(entries: readonly ExceptionEntry[], source: unknown): boolean {
  const complete = entries.filter(
    (e) => e.field.trim() !== '' && (!needsValue(e.operator) || e.value.trim() !== ''),
  );
  if (complete.length === 0) return false;
  return complete.every((e) => entryHolds({ ...e, field: e.field.trim() }, source));
}
