/** Which fields the events table shows, and how each cell reads. */
import { fieldText, getField } from '../../lib/event-fields.js';
import { formatTimestamp } from '../search/match-row.js';

export const DEFAULT_COLUMNS: readonly string[] = [
  '@timestamp',
  'event.category',
  'event.action',
  'process.name',
  'host.name',
];

const STORAGE_KEY = 'rulebench.events-table.columns';

/** The columns chosen last time (any browser storage), or the defaults. */
export function loadColumns(storage: Pick<Storage, 'getItem'> | undefined): readonly string[] {
  try {
    const raw = storage?.getItem(STORAGE_KEY);
    if (raw === null || raw === undefined) return DEFAULT_COLUMNS;
    const value: unknown = JSON.parse(raw);
    if (!Array.isArray(value)) return DEFAULT_COLUMNS;
    const names = value.filter((v): v is string => typeof v === 'string' && v !== '');
    return names.length === 0 ? DEFAULT_COLUMNS : [...new Set(names)];
  } catch {
    return DEFAULT_COLUMNS;
  }
}

export function saveColumns(storage: Pick<Storage, 'setItem'> | undefined, columns: readonly string[]): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(columns));
  } catch {
    // Private mode or a full quota: the choice just lasts for this page.
  }
}

/** Adds a field at the end, or removes it; the last column cannot be removed. */
export function toggleColumn(columns: readonly string[], field: string): readonly string[] {
  if (!columns.includes(field)) return [...columns, field];
  return columns.length === 1 ? columns : columns.filter((c) => c !== field);
}

export function cellText(source: unknown, field: string): string {
  const value = getField(source, field);
  if (field === '@timestamp' && value !== undefined && value !== null) return formatTimestamp(value);
  return fieldText(value) ?? '';
}

/** Pixel width of a column: timestamps fit exactly, free text gets room, the rest share. */
export function columnWidth(field: string): number {
  if (field === '@timestamp') return 176;
  if (field === 'message' || field.endsWith('command_line') || field.endsWith('.path')) return 300;
  return 150;
}

/** Catalogue fields whose name contains every word of `filter` (case-insensitive). */
export function filterFieldNames(names: readonly string[], filter: string): readonly string[] {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return names;
  return names.filter((name) => {
    const lower = name.toLowerCase();
    return words.every((w) => lower.includes(w));
  });
}
