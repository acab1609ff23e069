/**
 * Exceptions saved with the rule, shaped as Kibana's exception list items (`type: "simple"`,
 * entries `match` / `match_any` / `exists` / `wildcard`, each `included` or `excluded`). They
 * live in the rule's top-level `exceptions` table (`extra_tables.exceptions`), so a TOML rule
 * writes them as `[[exceptions]]`, rule saves and permalinks carry them with the rule, and a
 * snapshot can hand them to Kibana's own model unchanged.
 */

import type { Rule, RuleObject } from '@rulebench/rules';
import { type ExceptionEntry, entryHolds, listOf, needsValue } from './exception-match.js';

export type KibanaEntryType = 'match' | 'match_any' | 'exists' | 'wildcard';

export interface KibanaExceptionEntry {
  readonly field: string;
  readonly operator: 'included' | 'excluded';
  readonly type: KibanaEntryType;
  /** A string for `match`/`wildcard`, a list for `match_any`, absent for `exists`. */
  readonly value?: string | readonly string[];
}

export interface KibanaExceptionItem {
  readonly item_id: string;
  readonly name: string;
  readonly description: string;
  readonly type: 'simple';
  readonly namespace_type: 'single';
  readonly entries: readonly KibanaExceptionEntry[];
}

const TO_KIBANA: Record<ExceptionEntry['operator'], [KibanaEntryType, 'included' | 'excluded']> = {
  is: ['match', 'included'],
  'is not': ['match', 'excluded'],
  'is one of': ['match_any', 'included'],
  'is not one of': ['match_any', 'excluded'],
  exists: ['exists', 'included'],
  'does not exist': ['exists', 'excluded'],
  matches: ['wildcard', 'included'],
  'does not match': ['wildcard', 'excluded'],
};

/** Entries the builder can save: a field, and a value where the operator needs one. */
export function isComplete(entry: ExceptionEntry): boolean {
  return entry.field.trim() !== '' && (!needsValue(entry.operator) || entry.value.trim() !== '');
}

export function toKibanaEntry(entry: ExceptionEntry): KibanaExceptionEntry {
  const [type, operator] = TO_KIBANA[entry.operator];
  const field = entry.field.trim();
  if (type === 'exists') return { field, operator, type };
  if (type === 'match_any') return { field, operator, type, value: listOf(entry.value) };
  return { field, operator, type, value: entry.value };
}

/** The builder's form of a saved entry; undefined for kinds it cannot show (lists, nested). */
export function fromKibanaEntry(entry: KibanaExceptionEntry): ExceptionEntry | undefined {
  const found = Object.entries(TO_KIBANA).find(([, [t, o]]) => t === entry.type && o === entry.operator);
  if (!found) return undefined;
  const operator = found[0] as ExceptionEntry['operator'];
  const value = Array.isArray(entry.value)
    ? entry.value.join(', ')
    : typeof entry.value === 'string'
      ? entry.value
      : '';
  return { field: entry.field, operator, value };
}

export function toKibanaItem(
  id: string,
  name: string,
  entries: readonly ExceptionEntry[],
): KibanaExceptionItem {
  return {
    item_id: id,
    name,
    description: '',
    type: 'simple',
    namespace_type: 'single',
    entries: entries.filter(isComplete).map(toKibanaEntry),
  };
}

/** Whether a saved item suppresses the event; items with entries the preview cannot judge never do. */
export function itemSuppresses(item: KibanaExceptionItem, source: unknown): boolean {
  if (item.entries.length === 0) return false;
  return item.entries.every((entry) => {
    const form = fromKibanaEntry(entry);
    if (!form) return false;
    // A list entry holds when the event has any of its values, whatever the separators were.
    if (entry.type === 'match_any' && Array.isArray(entry.value)) {
      const held = entryHolds({ ...form, operator: 'is one of', value: entry.value.join('\n') }, source);
      return entry.operator === 'included' ? held : !held;
    }
    return entryHolds(form, source);
  });
}

function isEntry(value: unknown): value is KibanaExceptionEntry {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Record<string, unknown>;
  return typeof e.field === 'string' && typeof e.type === 'string' && typeof e.operator === 'string';
}

/** The rule's saved exception items (malformed ones are skipped, not fatal). */
export function ruleExceptions(rule: object | undefined): KibanaExceptionItem[] {
  const tables = (rule as { readonly extra_tables?: unknown } | undefined)?.extra_tables;
  if (typeof tables !== 'object' || tables === null) return [];
  const items = (tables as Record<string, unknown>).exceptions;
  return Array.isArray(items) ? exceptionItems(items) : [];
}

/** Kibana exception items read from untrusted JSON (a rule, a link): malformed ones are skipped. */
export function exceptionItems(items: readonly unknown[]): KibanaExceptionItem[] {
  return items.flatMap((item): KibanaExceptionItem[] => {
    if (typeof item !== 'object' || item === null) return [];
    const i = item as Record<string, unknown>;
    if (!Array.isArray(i.entries)) return [];
    return [
      {
        item_id: typeof i.item_id === 'string' ? i.item_id : '',
        name: typeof i.name === 'string' ? i.name : '',
        description: typeof i.description === 'string' ? i.description : '',
        type: 'simple',
        namespace_type: 'single',
        entries: i.entries.filter(isEntry),
      },
    ];
  });
}

/** The rule with `items` as its exceptions (the table disappears again when the last one goes). */
export function withRuleExceptions(rule: Rule, items: readonly KibanaExceptionItem[]): Rule {
  const tables: Record<string, unknown> = { ...rule.extra_tables };
  if (items.length === 0) delete tables.exceptions;
  else tables.exceptions = items;
  const { extra_tables: _old, ...rest } = rule;
  return Object.keys(tables).length === 0 ? rest : { ...rest, extra_tables: tables as RuleObject };
}

/** The id of the exception being previewed, fixed so the same preview makes the same permalink. */
export const PREVIEW_ITEM_ID = 'rulebench-preview';

/**
 * The exception being built in the workbench, as Kibana items for a snapshot's options: none
 * while no entry is complete. A link carries it so its review applies it and a fork restores it.
 */
export function previewItems(entries: readonly ExceptionEntry[]): KibanaExceptionItem[] {
  if (!entries.some(isComplete)) return [];
  return [toKibanaItem(PREVIEW_ITEM_ID, 'Previewed exception', entries)];
}

/** The builder's entries back from a snapshot's `options.exceptions` (the first item it can show). */
export function previewEntries(items: readonly unknown[] | undefined): ExceptionEntry[] | undefined {
  for (const item of exceptionItems(items ?? [])) {
    const form = item.entries.map(fromKibanaEntry).filter((e): e is ExceptionEntry => e !== undefined);
    if (form.length > 0) return form;
  }
  return undefined;
}

/** One line per entry, as the saved list and a review show them: `process.name is one of a, b`. */
export function describeEntry(entry: KibanaExceptionEntry): string {
  const form = fromKibanaEntry(entry);
  if (!form) return `${entry.field} (${entry.type}, ${entry.operator})`;
  return needsValue(form.operator)
    ? `${form.field} ${form.operator} ${form.value}`
    : `${form.field} ${form.operator}`;
}
