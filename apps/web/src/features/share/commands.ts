import { shellQuote } from './shell-quote.js';
import type { SnapshotOptions, SnapshotRule } from './types.js';

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : [];

/**
 * The `curl` request that runs the query on a real Elasticsearch, as the rule would: its index
 * patterns in the path, its look-back window (`from`, Kibana's default `now-6m`, up to `to` or
 * `now`) as a range filter on the timestamp. `ES_URL` and `ES_USER` come from the user's shell.
 */
export function esCurlCommand(rule: SnapshotRule, query: string, options: SnapshotOptions): string {
  const patterns = strings(rule.index);
  const path = (patterns.length > 0 ? patterns : ['*'])
    .map((pattern) => encodeURIComponent(pattern).replaceAll('%2A', '*'))
    .join(',');
  const { exceptions: _exceptions, ...params } = options;
  const timestampField =
    params.timestamp_field ??
    (typeof rule.timestamp_override === 'string' ? rule.timestamp_override : '@timestamp');
  const body = {
    query,
    ...params,
    filter: {
      range: {
        [timestampField]: {
          gte: typeof rule.from === 'string' ? rule.from : 'now-6m',
          lte: typeof rule.to === 'string' ? rule.to : 'now',
        },
      },
    },
  };
  return [
    `curl -s -X POST "\${ES_URL:-http://localhost:9200}/${path}/_eql/search?pretty" \\`,
    `  -u "\${ES_USER:-elastic}" -H 'Content-Type: application/json' \\`,
    `  -d ${shellQuote(JSON.stringify(body, null, 2))}`,
  ].join('\n');
}

const FLAGS: readonly (readonly [keyof SnapshotOptions, string])[] = [
  ['result_position', '--result-position'],
  ['max_samples_per_key', '--max-samples-per-key'],
  ['timestamp_field', '--timestamp-field'],
  ['tiebreaker_field', '--tiebreaker-field'],
  ['event_category_field', '--event-category-field'],
];

/**
 * The `rulebench search` command line for the same run, from the repository root. `eventsFile`
 * is where the corpus's events are on the user's disk (the CLI reads files, not the server).
 */
export function cliSearchCommand(query: string, options: SnapshotOptions, eventsFile: string): string {
  const words = [
    'pnpm -s rulebench search',
    `--events ${shellQuote(eventsFile)}`,
    `--query ${shellQuote(query)}`,
  ];
  // The CLI's default size is Elasticsearch's 10; the workbench's is larger, so always say it.
  if (options.size !== undefined) words.push(`--size ${options.size}`);
  for (const [key, flag] of FLAGS) {
    const value = options[key];
    if (typeof value === 'string' || typeof value === 'number')
      words.push(`${flag} ${shellQuote(String(value))}`);
  }
  return words.join(' \\\n  ');
}
