/**
 * Generic discovery of the Elasticsearch QA spec files in `eql-conformance/es-qa/`: every
 * `test_*.toml` (and `additional_test_queries.toml`) runs over the index Elasticsearch's own
 * `*SpecTestCase` class runs it on, with that class's tiebreaker, once the index's data is here.
 * A spec whose data is absent, or that no rule below knows, is skipped LOUDLY (console.warn).
 *
 * Facts from elastic/elasticsearch `x-pack/plugin/eql/qa/common/src/main/java/.../test/eql/`:
 * - `EqlSpecTestCase`: `test_queries.toml`, `additional_test_queries.toml`, `test_queries_date.toml`
 *   on `endgame-140`, tiebreaker `serial_event_id`.
 * - `EqlDateNanosSpecTestCase`: `test_queries_date_nanos.toml` AND `test_queries.toml` on
 *   `endgame-140-nanos`, tiebreaker `serial_event_id`.
 * - `EqlExtraSpecTestCase`: `test_extra.toml` on `extra`, tiebreaker `sequence`.
 * - `EqlMissingEventsSpecTestCase`: `test_missing_events.toml` on `missing-events`, `sequence`.
 * - `DataLoader`: index `X` reads `data/X.mapping` and `data/X.data`, except `endgame-140-nanos`,
 *   which reads `endgame-140.data` and rewrites the FILETIME `timestamp` as epoch nanos (see
 *   `asNanosEvent`); `endgame-140` derives `@timestamp` (here already done in endgame-140.ndjson).
 */

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { EqlEvent, FieldType } from '../../src/index.js';
import { readToml } from '../shared.js';
import type { SpecQuery, Suite } from './harness.js';

/** One spec run: the suite label (the file, as known-failures keys it), its files, its index. */
export interface SuiteRule {
  /** The spec files whose queries run together (ES loads them as one parameter set). */
  readonly files: readonly string[];
  /** Comma-separated ES index names, as the Java test case names them. */
  readonly index: string;
  /** `null` where the Java test case sends no `tiebreaker_field` (the sample suites). */
  readonly tiebreaker: string | null;
  /** The `_source` field holding the spec's event ids, when it is not the tiebreaker. */
  readonly idField?: string;
}

/** Spec file → how Elasticsearch runs it. Files not listed here are reported, not guessed. */
export const SUITE_RULES: Readonly<Record<string, SuiteRule>> = {
  'test_queries.toml': { files: ['test_queries.toml'], index: 'endgame-140', tiebreaker: 'serial_event_id' },
  'test_queries_date.toml': {
    files: ['test_queries_date.toml'],
    index: 'endgame-140',
    tiebreaker: 'serial_event_id',
  },
  'additional_test_queries.toml': {
    files: ['additional_test_queries.toml'],
    index: 'endgame-140',
    tiebreaker: 'serial_event_id',
  },
  // An early (7.x) spec without case names, over the same endgame data.
  'test_between_queries.toml': {
    files: ['test_between_queries.toml'],
    index: 'endgame-140',
    tiebreaker: 'serial_event_id',
  },
  'test_queries_date_nanos.toml': {
    files: ['test_queries_date_nanos.toml', 'test_queries.toml'],
    index: 'endgame-140-nanos',
    tiebreaker: 'serial_event_id',
  },
  'test_extra.toml': { files: ['test_extra.toml'], index: 'extra', tiebreaker: 'sequence' },
  'test_missing_events.toml': {
    files: ['test_missing_events.toml'],
    index: 'missing-events',
    tiebreaker: 'sequence',
  },
  // `EqlSampleTestCase` (DataLoader.TEST_SAMPLE) and `EqlSampleMultipleEntriesTestCase`
  // (TEST_SAMPLE_MULTI): no tiebreaker, ids in `id`; the per-case `size` and
  // `max_samples_per_key` of the spec are sent with the request.
  'test_sample.toml': {
    files: ['test_sample.toml'],
    index: 'sample1,sample2,sample3',
    tiebreaker: null,
    idField: 'id',
  },
  'test_sample_multi.toml': {
    files: ['test_sample_multi.toml'],
    index: 'sample-multi',
    tiebreaker: null,
    idField: 'id',
  },
  // An earlier name of test_sample.toml: `EqlSampleTestCase` then ran it on `sampling1,2,3`.
  'test_sampling.toml': {
    files: ['test_sampling.toml'],
    index: 'sampling1,sampling2,sampling3',
    tiebreaker: null,
    idField: 'id',
  },
};

/**
 * Spec files that are not result suites here, with the reason (reported once, not run):
 * the 7.9-era `test_queries_supported.toml` / `test_queries_unsupported.toml` use the pre-release
 * syntax (`=`, single quotes, `match()`), and `test_failing_shards.toml` needs shard failures.
 */
export const NOT_RESULT_SUITES: Readonly<Record<string, string>> = {
  'test_queries_supported.toml': 'pre-release syntax; superseded by additional_test_queries.toml',
  'test_queries_unsupported.toml': 'a 7.x list of not-yet-supported queries, not expected results',
  'test_failing_shards.toml': 'needs shard failures of a distributed index',
};

export interface Mapping {
  readonly types: Record<string, FieldType>;
  readonly nullValues: Record<string, unknown>;
  /** Alias field → target path (`event.category` → `event_type`). */
  readonly aliases: Record<string, string>;
  /** `date` field → its mapping `format` (ES's default when the mapping sets none). */
  readonly dateFormats: Record<string, string>;
}

const DEFAULT_DATE_FORMAT = 'strict_date_optional_time||epoch_millis';

const TYPED: ReadonlySet<string> = new Set(['version', 'date', 'date_nanos', 'ip']);

/** `.mapping` files carry `#` comment lines; `.data` files `//` comments. */
export function stripComments(text: string, marker: string): string {
  return text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith(marker))
    .join('\n');
}

export function readMappingFile(path: string): Mapping {
  const json = JSON.parse(stripComments(readFileSync(path, 'utf8'), '#')) as {
    properties: Record<string, unknown>;
  };
  const types: Record<string, FieldType> = {};
  const nullValues: Record<string, unknown> = {};
  const aliases: Record<string, string> = {};
  const dateFormats: Record<string, string> = {};
  const walk = (properties: Record<string, unknown>, prefix: string): void => {
    for (const [name, raw] of Object.entries(properties)) {
      const def = raw as {
        type?: string;
        path?: string;
        properties?: Record<string, unknown>;
        null_value?: unknown;
        format?: string;
      };
      const path = prefix + name;
      if (def.properties !== undefined) walk(def.properties, `${path}.`);
      if (def.type !== undefined && TYPED.has(def.type)) types[path] = def.type as FieldType;
      if (def.type === 'alias' && def.path !== undefined) aliases[path] = def.path;
      if (def.null_value !== undefined) nullValues[path] = def.null_value;
      if (def.type === 'date') dateFormats[path] = def.format ?? DEFAULT_DATE_FORMAT;
    }
  };
  walk(json.properties, '');
  return { types, nullValues, aliases, dateFormats };
}

/** The spec queries of one file (`-1` ids and list-of-lists alternatives are kept as written). */
export function readSpecQueries(path: string, fallbackPrefix: string): SpecQuery[] {
  const toml = readToml(path) as { queries?: Array<Record<string, unknown>> };
  return (toml.queries ?? []).map((entry, i) => ({
    // ES names an unnamed case by its note, else by a counter; the counter is made unique here.
    name: String(entry.name ?? entry.note ?? `${fallbackPrefix}#${i + 1}`),
    query: String(entry.query),
    expectedEventIds: (entry.expected_event_ids as number[] | undefined) ?? [],
    joinKeys: entry.join_keys as string[] | undefined,
    ...(typeof entry.size === 'number' ? { size: entry.size } : {}),
    ...(typeof entry.max_samples_per_key === 'number' ? { maxSamplesPerKey: entry.max_samples_per_key } : {}),
  }));
}

function applyNullValues(source: Record<string, unknown>, nullValues: Record<string, unknown>) {
  const out = { ...source };
  for (const [field, value] of Object.entries(nullValues)) {
    if (Object.hasOwn(out, field) && out[field] === null) out[field] = value;
  }
  return out;
}

/**
 * `DataLoader.timestampToUnixNanos`: the FILETIME digits read as epoch nanoseconds. `@timestamp`
 * becomes the epoch-millis string with the nanos as a fraction (`"131509374294.365140"`, no
 * fraction when it is all zeros) and `timestamp` the value divided by 1,000,000.
 */
export function asNanosEvent(
  source: Record<string, unknown>,
  filetimeDigits: string,
): Record<string, unknown> {
  const millis = filetimeDigits.slice(0, 12);
  const fraction = filetimeDigits.slice(12);
  return {
    ...source,
    '@timestamp': fraction === '000000' ? millis : `${millis}.${fraction}`,
    timestamp: Number(BigInt(filetimeDigits) / 1_000_000n),
  };
}

/** FILETIME values exceed 2^53, so their digits are read from the JSON text, not the double. */
function filetimeDigitsOf(line: string): string | undefined {
  return /"timestamp":\s*(\d+)/.exec(line)?.[1];
}

interface Dataset {
  readonly sources: Array<Record<string, unknown>>;
  readonly mapping: Mapping;
}

function readDataFile(path: string): Array<Record<string, unknown>> {
  return JSON.parse(stripComments(readFileSync(path, 'utf8'), '//')) as Array<Record<string, unknown>>;
}

/** One ES index's documents and mapping, or the missing file that keeps it from loading. */
function loadIndex(dir: string, index: string): Dataset | { missing: string } {
  const data = `${dir}/es-qa/data`;
  const mappingPath = `${data}/${index}.mapping`;
  if (!existsSync(mappingPath)) return { missing: mappingPath };
  const mapping = readMappingFile(mappingPath);
  if (index === 'endgame-140' || index === 'endgame-140-nanos') {
    // The endgame events as the README derives them (`@timestamp` in millis already added).
    const ndjson = `${dir}/endgame-140.ndjson`;
    if (!existsSync(ndjson)) return { missing: ndjson };
    const lines = readFileSync(ndjson, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '');
    const sources = lines.map((line) => {
      const source = JSON.parse(line) as Record<string, unknown>;
      const digits = filetimeDigitsOf(line);
      return index === 'endgame-140' || digits === undefined ? source : asNanosEvent(source, digits);
    });
    return { sources, mapping };
  }
  const dataPath = `${data}/${index}.data`;
  if (!existsSync(dataPath)) return { missing: dataPath };
  return { sources: readDataFile(dataPath).map((s) => applyNullValues(s, mapping.nullValues)), mapping };
}

/** `field → "f1||f2"` for the date fields whose formats are not all ES's default. */
function customDateFormats(formats: ReadonlyMap<string, ReadonlySet<string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, set] of formats) {
    if ([...set].some((format) => format !== DEFAULT_DATE_FORMAT)) out[field] = [...set].join('||');
  }
  return out;
}

/** The suite of one rule, or why it cannot run. */
export function loadRuleSuite(dir: string, label: string, rule: SuiteRule): Suite | { missing: string } {
  const events: EqlEvent[] = [];
  const types: Record<string, FieldType> = {};
  // Each index parses a date field with its own mapping format; across the indices of one
  // search a value is read by whichever of them accepts it.
  const formats = new Map<string, Set<string>>();
  let categoryField = 'event.category';
  const idField = rule.idField ?? rule.tiebreaker ?? '_id';
  for (const index of rule.index.split(',')) {
    const loaded = loadIndex(dir, index);
    if ('missing' in loaded) return loaded;
    Object.assign(types, loaded.mapping.types);
    for (const [field, format] of Object.entries(loaded.mapping.dateFormats)) {
      const set = formats.get(field) ?? new Set<string>();
      formats.set(field, set.add(format));
    }
    // `event.category` is an alias in every QA mapping; read the field it stands for.
    categoryField = loaded.mapping.aliases['event.category'] ?? categoryField;
    loaded.sources.forEach((source, i) => {
      events.push({ _index: index, _id: String(source[idField] ?? i), _source: source });
    });
  }
  const queries: SpecQuery[] = [];
  for (const file of rule.files) {
    const path = `${dir}/es-qa/${file}`;
    if (!existsSync(path)) return { missing: path };
    queries.push(...readSpecQueries(path, file.replace(/\.toml$/, '')));
  }
  return {
    file: label,
    queries,
    events,
    options: {
      size: 50,
      eventCategoryField: categoryField,
      timestampField: '@timestamp',
      ...(rule.tiebreaker === null ? {} : { tiebreakerField: rule.tiebreaker }),
      fieldTypes: types,
      dateFormats: customDateFormats(formats),
    },
    idField,
  };
}

/** ES's naming: `test_missing_events.toml` runs on index `missing-events`. */
function indexByName(file: string): string {
  return file
    .replace(/^test_/, '')
    .replace(/\.toml$/, '')
    .replaceAll('_', '-');
}

/**
 * A spec no rule lists, run on the index its name gives when that index's mapping is here; the
 * tiebreaker is the field the mapping's `event.sequence` alias points to (every QA mapping has one).
 */
function inferredRule(dir: string, file: string): SuiteRule | undefined {
  const index = indexByName(file);
  const mappingPath = `${dir}/es-qa/data/${index}.mapping`;
  if (!existsSync(mappingPath)) return undefined;
  const tiebreaker = readMappingFile(mappingPath).aliases['event.sequence'];
  return tiebreaker === undefined ? undefined : { files: [file], index, tiebreaker };
}

/** Spec files present in `es-qa/`, in name order. */
export function presentSpecFiles(dir: string): string[] {
  const folder = `${dir}/es-qa`;
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => /^(test_.*|additional_test_queries)\.toml$/.test(name))
    .sort();
}

/**
 * Every runnable suite among the present spec files, plus `extra` suites for files that are only
 * run with another (test_queries.toml inside the date-nanos run). Skips are warned about.
 */
export function discoverSuites(dir: string, only?: ReadonlySet<string>): Suite[] {
  const suites: Suite[] = [];
  for (const file of presentSpecFiles(dir)) {
    if (only !== undefined && !only.has(file)) continue;
    const notRun = NOT_RESULT_SUITES[file];
    if (notRun !== undefined) {
      console.warn(`[eql conformance] es-qa/${file} is NOT run: ${notRun}.`);
      continue;
    }
    const rule = SUITE_RULES[file] ?? inferredRule(dir, file);
    if (rule === undefined) {
      console.warn(
        `[eql conformance] es-qa/${file} is SKIPPED: no rule names its index and no data/${indexByName(file)}.mapping with an event.sequence alias exists (see es-qa-suites.ts).`,
      );
      continue;
    }
    const suite = loadRuleSuite(dir, file, rule);
    if ('missing' in suite) {
      console.warn(`[eql conformance] es-qa/${file} is SKIPPED: its data ${suite.missing} is absent.`);
      continue;
    }
    suites.push(suite);
  }
  return suites;
}
