import { getLocation } from '@rulebench/eql';
import type { Finding } from '../validate/finding.js';
import { locateTomlKeys, type TomlLocations } from './locate.js';
import { locateTomlQuery } from './query-location.js';

/** TOML path of a Rule model path: `[rule]` fields gain the `rule.` prefix. */
export function tomlPathOf(field: string): string {
  return field.startsWith('metadata') || field.startsWith('transform') ? field : `rule.${field}`;
}

/**
 * Where in a TOML file a finding belongs: inside the query for query findings, else at the
 * field's key (or its nearest enclosing table when the field is missing).
 */
export function locateFindingInToml(
  text: string,
  finding: Finding,
  query?: string,
  locations: TomlLocations = locateTomlKeys(text),
): { readonly line: number; readonly column: number } {
  if (finding.range && query !== undefined) {
    const inQuery = getLocation(query, finding.range.start);
    const mapped = locateTomlQuery(text, tomlPathOf(finding.field))?.toFile(inQuery.line, inQuery.column);
    if (mapped) return mapped;
  }
  const key = locations.find(tomlPathOf(finding.field))?.key ?? locations.find('rule')?.key;
  return key ? { line: key.line, column: key.column } : { line: 1, column: 1 };
}
