/**
 * Loads the Elasticsearch EQL QA suites from ../shared/eql-conformance: spec queries, their
 * data sets as `EqlEvent`s, and the request settings the README lists for each suite.
 *
 * The data is indexed the way Elasticsearch's QA loader indexes it, where that changes results:
 * `null_value` from the mapping replaces explicit nulls, and mapping types that JSON cannot
 * carry (`version`, `date`, `ip`) are passed to the engine as `fieldTypes`. Field aliases
 * (`event.category` → `event_type`) become the request's `eventCategoryField`.
 */

import { readFileSync } from 'node:fs';
import type { EqlEvent, FieldType, SearchRequestOptions } from '../../src/index.js';
import { readToml, sharedPath } from '../shared.js';
import { discoverSuites } from './es-qa-suites.js';

export interface SpecQuery {
  readonly name: string;
  readonly query: string;
  readonly expectedEventIds: readonly number[];
  readonly joinKeys: readonly string[] | undefined;
  /** Per-case request `size` (ES's spec key `size`), when the case sets one. */
  readonly size?: number;
  /** Per-case `max_samples_per_key` (spec key of the same name), when the case sets one. */
  readonly maxSamplesPerKey?: number;
}

export interface Suite {
  /** Spec file name, e.g. `test_queries.toml`. */
  readonly file: string;
  readonly queries: readonly SpecQuery[];
  readonly events: readonly EqlEvent[];
  /** Request settings: size 50, fields, tiebreaker, mapping types. */
  readonly options: SearchRequestOptions;
  /** The `_source` field whose value the spec's event ids are. */
  readonly idField: string;
}

export const conformanceDir = sharedPath('eql-conformance');

function specQueries(path: string): SpecQuery[] {
  const toml = readToml(path) as { queries?: Array<Record<string, unknown>> };
  return (toml.queries ?? []).map((entry) => ({
    name: String(entry.name),
    query: String(entry.query),
    expectedEventIds: (entry.expected_event_ids as number[] | undefined) ?? [],
    joinKeys: entry.join_keys as string[] | undefined,
  }));
}

/** `.mapping` files carry `#` comment lines; `.data` files `//` comments. */
function stripComments(text: string, marker: string): string {
  return text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith(marker))
    .join('\n');
}

interface Mapping {
  readonly types: Record<string, FieldType>;
  readonly nullValues: Record<string, unknown>;
}

function readMapping(path: string): Mapping {
  const json = JSON.parse(stripComments(readFileSync(path, 'utf8'), '#')) as {
    properties: Record<string, unknown>;
  };
  const types: Record<string, FieldType> = {};
  const nullValues: Record<string, unknown> = {};
  const walk = (properties: Record<string, unknown>, prefix: string): void => {
    for (const [name, raw] of Object.entries(properties)) {
      const def = raw as { type?: string; properties?: Record<string, unknown>; null_value?: unknown };
      const path = prefix + name;
      if (def.properties !== undefined) walk(def.properties, `${path}.`);
      if (def.type === 'version' || def.type === 'date' || def.type === 'ip') types[path] = def.type;
      if (def.null_value !== undefined) nullValues[path] = def.null_value;
    }
  };
  walk(json.properties, '');
  return { types, nullValues };
}

function applyNullValues(
  source: Record<string, unknown>,
  nullValues: Record<string, unknown>,
): Record<string, unknown> {
  const out = { ...source };
  for (const [field, value] of Object.entries(nullValues)) {
    if (Object.hasOwn(out, field) && out[field] === null) out[field] = value;
  }
  return out;
}

function asEvents(sources: Array<Record<string, unknown>>, index: string, idField: string): EqlEvent[] {
  return sources.map((source, i) => ({ _index: index, _id: String(source[idField] ?? i), _source: source }));
}

/** `test_queries.toml` and `test_queries_date.toml` over `endgame-140`. */
export function endgameSuite(file: 'test_queries.toml' | 'test_queries_date.toml'): Suite | null {
  if (conformanceDir === null) return null;
  const lines = readFileSync(`${conformanceDir}/endgame-140.ndjson`, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  const mapping = readMapping(`${conformanceDir}/es-qa/data/endgame-140.mapping`);
  return {
    file,
    queries: specQueries(`${conformanceDir}/es-qa/${file}`),
    events: asEvents(
      lines.map((line) => JSON.parse(line) as Record<string, unknown>),
      'endgame-140',
      'serial_event_id',
    ),
    options: {
      size: 50,
      eventCategoryField: 'event.category',
      timestampField: '@timestamp',
      tiebreakerField: 'serial_event_id',
      fieldTypes: mapping.types,
    },
    idField: 'serial_event_id',
  };
}

/** `test_extra.toml` over `extra.data`. */
export function extraSuite(): Suite | null {
  if (conformanceDir === null) return null;
  const mapping = readMapping(`${conformanceDir}/es-qa/data/extra.mapping`);
  const data = JSON.parse(
    stripComments(readFileSync(`${conformanceDir}/es-qa/data/extra.data`, 'utf8'), '//'),
  ) as Array<Record<string, unknown>>;
  return {
    file: 'test_extra.toml',
    queries: specQueries(`${conformanceDir}/es-qa/test_extra.toml`),
    events: asEvents(
      data.map((source) => applyNullValues(source, mapping.nullValues)),
      'extra',
      'sequence',
    ),
    options: {
      size: 50,
      // `event.category` is an alias of `event_type` in extra.mapping.
      eventCategoryField: 'event_type',
      timestampField: '@timestamp',
      tiebreakerField: 'sequence',
      fieldTypes: mapping.types,
    },
    idField: 'sequence',
  };
}

/**
 * Every ES QA suite whose spec and data are present (see es-qa-suites.ts for which index each
 * spec file runs on); a present spec that cannot run is warned about there.
 */
export function allSuites(): Suite[] {
  return conformanceDir === null ? [] : discoverSuites(conformanceDir);
}
