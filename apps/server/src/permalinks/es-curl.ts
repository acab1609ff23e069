import type { SnapshotV1 } from '../schemas/permalinks.js';
import { exceptionsToFilter } from './exceptions-filter.js';

const shellQuote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

/**
 * The `curl` request that runs a snapshot's query on a real Elasticsearch: the rule's index
 * patterns, its look-back window (`from`, default `now-6m`, to `to` or `now`) as a range filter,
 * the snapshot's options and exceptions. `ES_URL` and `ES_USER` come from the user's shell.
 */
export function esCurlCommand(snapshot: SnapshotV1): string {
  const rule = snapshot.rule;
  const strings = (value: unknown) =>
    Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : [];
  const index = strings(rule.index);
  const path = (index.length > 0 ? index : ['*'])
    .map((p) => encodeURIComponent(p).replaceAll('%2A', '*'))
    .join(',');
  const { filter, exceptions, ...options } = snapshot.options;
  const timestampField = options.timestamp_field ?? '@timestamp';
  const clauses: unknown[] = [
    {
      range: {
        [timestampField]: {
          gte: typeof rule.from === 'string' ? rule.from : 'now-6m',
          lte: typeof rule.to === 'string' ? rule.to : 'now',
        },
      },
    },
  ];
  if (filter !== undefined && filter !== null) clauses.push(filter);
  const except = exceptions ? exceptionsToFilter(exceptions) : undefined;
  const body = {
    query: snapshot.query,
    ...options,
    filter: except
      ? { bool: { filter: clauses, ...(except.bool as object) } }
      : clauses.length === 1
        ? clauses[0]
        : { bool: { filter: clauses } },
  };
  return [
    `curl -s -X POST "\${ES_URL:-http://localhost:9200}/${path}/_eql/search?pretty" \\`,
    `  -u "\${ES_USER:-elastic}" -H 'Content-Type: application/json' \\`,
    `  -d ${shellQuote(JSON.stringify(body, null, 2))}`,
    '',
  ].join('\n');
}
