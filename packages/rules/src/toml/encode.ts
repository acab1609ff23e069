import { METADATA_FIELDS } from '../fields.js';
import type { Rule, RuleValue } from '../rule.js';
import { decodeTomlRule } from './decode.js';
import { isDeepStrictEqual } from './deep-equal.js';
import { formatKey, formatValue, isArrayOfTables, isTable } from './format-value.js';

type Table = { readonly [key: string]: RuleValue };

/**
 * Writes a Rule as a detection-rules TOML file: `[metadata]`, `[rule]` with keys in alphabetical
 * order and the query last as a `'''` block, then `[[rule.threat]]` and other sub-tables, then
 * `[transform]`. Values are unchanged, so decodeTomlRule(encodeTomlRule(r)) deep-equals r.
 *
 * With `original` (the text the rule was decoded from), an unchanged rule comes back byte for
 * byte: the files in the wild were written by several generations of the detection-rules
 * formatter, and a download of an unedited rule must not produce a diff.
 */
export function encodeTomlRule(rule: Rule, options: EncodeOptions = {}): string {
  if (options.original !== undefined && sameRule(options.original, rule)) return options.original;
  const sections: string[] = [];
  const metadata = metadataTable(rule);
  if (Object.keys(metadata).length > 0) sections.push(...emitTable(['metadata'], metadata, false));
  sections.push(...emitTable(['rule'], ruleTable(rule), false));
  if (rule.transform) sections.push(...emitTable(['transform'], rule.transform as Table, false, true));
  for (const [key, value] of Object.entries(rule.extra_tables ?? {})) {
    if (isTable(value)) sections.push(...emitTable([key], value, false, true));
    else if (isArrayOfTables(value)) for (const item of value) sections.push(...emitTable([key], item, true));
    else sections.unshift(`${formatKey(key)} = ${formatValue(value, key)}\n`);
  }
  return sections.join('\n');
}

export interface EncodeOptions {
  readonly original?: string;
}

function sameRule(original: string, rule: Rule): boolean {
  try {
    return isDeepStrictEqual(decodeTomlRule(original), rule);
  } catch {
    return false;
  }
}

function metadataTable(rule: Rule): Table {
  const out: Record<string, RuleValue> = {};
  for (const key of Object.keys(METADATA_FIELDS) as (keyof typeof METADATA_FIELDS)[]) {
    const value = rule.metadata[key];
    if (value !== undefined) out[key] = value as RuleValue;
  }
  return { ...out, ...rule.metadata.extra };
}

function ruleTable(rule: Rule): Table {
  const { metadata: _m, transform: _t, extra, extra_tables: _x, ...fields } = rule;
  const out: Record<string, RuleValue> = {};
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) out[key] = value as RuleValue;
  return { ...out, ...extra };
}

/**
 * One table and everything under it, as sections. Order inside a table: plain keys sorted (the
 * rule's query last), then arrays of tables, then sub-tables — the order detection-rules writes.
 */
function emitTable(
  path: readonly string[],
  table: Table,
  arrayItem: boolean,
  forceHeader = path.length === 1,
): string[] {
  const plain: string[] = [];
  const arrays: string[] = [];
  const tables: string[] = [];
  for (const key of Object.keys(table).sort()) {
    const value = table[key];
    if (value === undefined) continue;
    if (isArrayOfTables(value)) arrays.push(key);
    else if (isTable(value) && Object.keys(value).length > 0) tables.push(key);
    else plain.push(key);
  }
  const isRule = path.length === 1 && path[0] === 'rule';
  const lines: string[] = [];
  for (const key of plain) {
    if (isRule && key === 'query') continue;
    lines.push(`${formatKey(key)} = ${formatValue(table[key] as RuleValue, key)}`);
  }
  const header = path.map(formatKey).join('.');
  const sections: string[] = [];
  if (arrayItem || forceHeader || lines.length > 0) {
    sections.push(`${arrayItem ? `[[${header}]]` : `[${header}]`}\n${lines.map((l) => `${l}\n`).join('')}`);
  }
  if (isRule && table.query !== undefined) sections.push(`query = ${formatValue(table.query, 'query')}\n\n`);
  for (const key of arrays) {
    for (const item of table[key] as readonly Table[])
      sections.push(...emitTable([...path, key], item, true));
  }
  for (const key of tables) sections.push(...emitTable([...path, key], table[key] as Table, false, false));
  return sections;
}
