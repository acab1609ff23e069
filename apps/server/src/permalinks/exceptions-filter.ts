import { FilterError } from '../search/es-filter.js';

/**
 * Kibana exception items as an Elasticsearch filter clause, the way Kibana applies them to a
 * rule: an item matches when all its entries match; an event matching any item is dropped.
 * Entries: `match`, `match_any`, `exists`, `wildcard` and `nested`, each `included` or `excluded`.
 * Value lists (`list`) need data a replay does not have.
 *
 * A `wildcard` value is read as the workbench's exception preview reads it (`*` and `?` are
 * the only special characters, case-insensitive, whole value), so a replayed permalink
 * suppresses exactly what its author saw suppressed; backslashes (Windows paths) stay literal.
 */
export function exceptionsToFilter(items: readonly unknown[]): Record<string, unknown> | undefined {
  if (items.length === 0) return undefined;
  return { bool: { must_not: items.map((item, i) => itemClause(item, `exceptions[${i}]`)) } };
}

function itemClause(item: unknown, where: string): Record<string, unknown> {
  const entries = asObject(item, where).entries;
  if (!Array.isArray(entries) || entries.length === 0)
    throw new FilterError(`${where}.entries must be a non-empty list`);
  return { bool: { filter: entries.map((entry, i) => entryClause(entry, `${where}.entries[${i}]`, '')) } };
}

function entryClause(entry: unknown, where: string, parent: string): Record<string, unknown> {
  const e = asObject(entry, where);
  if (typeof e.field !== 'string' || e.field === '')
    throw new FilterError(`${where}.field must be a field name`);
  const field = parent ? `${parent}.${e.field}` : e.field;
  let clause: Record<string, unknown>;
  switch (e.type) {
    case 'match':
      if (typeof e.value !== 'string') throw new FilterError(`${where}.value must be a string`);
      clause = { term: { [field]: e.value } };
      break;
    case 'match_any':
      if (!Array.isArray(e.value) || !e.value.every((v) => typeof v === 'string'))
        throw new FilterError(`${where}.value must be a list of strings`);
      clause = { terms: { [field]: e.value } };
      break;
    case 'exists':
      clause = { exists: { field } };
      break;
    case 'wildcard':
      if (typeof e.value !== 'string') throw new FilterError(`${where}.value must be a string`);
      clause = { wildcard: { [field]: { value: e.value.replaceAll('\\', '\\\\'), case_insensitive: true } } };
      break;
    case 'nested': {
      // As in Kibana, a nested entry's entries are plain ones: this also bounds the recursion.
      if (parent !== '')
        throw new FilterError(`${where}: a nested entry cannot contain another nested entry`);
      if (!Array.isArray(e.entries) || e.entries.length === 0)
        throw new FilterError(`${where}.entries must be a non-empty list`);
      return {
        bool: { filter: e.entries.map((child, i) => entryClause(child, `${where}.entries[${i}]`, field)) },
      };
    }
    default:
      throw new FilterError(
        `${where}.type "${String(e.type)}" cannot be replayed; Rulebench applies match, match_any, exists, wildcard and nested entries`,
      );
  }
  return e.operator === 'excluded' ? { bool: { must_not: [clause] } } : clause;
}

function asObject(value: unknown, where: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new FilterError(`${where} must be an object`);
  return value as Record<string, unknown>;
}
