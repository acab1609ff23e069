import { basename } from 'node:path';
import type { SearchOptions } from '@rulebench/eql';
import { parseArgs, UsageError } from '../args.js';
import { asQueryError, type SearchEngine } from '../engine.js';
import { type CliContext, EXIT_FAILURE, EXIT_OK } from '../io/context.js';
import { readNdjson } from '../io/ndjson.js';

export const SEARCH_USAGE = `Usage: rulebench search --events FILE --query EQL [options]

Runs an EQL query over NDJSON events (one JSON object per line; FILE "-" reads stdin) and
prints the Elasticsearch _eql/search response as JSON.

Options:
  --events FILE                 NDJSON events, or - for stdin (required)
  --query EQL                   the EQL query (required)
  --size N                      events or sequences returned (default 10)
  --fetch-size N                accepted for Elasticsearch compatibility
  --result-position head|tail   earliest (default) or latest matches
  --max-samples-per-key N       samples per join key for sample queries (default 1)
  --timestamp-field F           default @timestamp
  --tiebreaker-field F          second sort key
  --event-category-field F      default event.category
  --presorted                   events are already in (timestamp, tiebreaker) order
  --skip-bad                    skip malformed lines (reported on stderr) instead of failing

Each hit's _index is the file's base name (stdin for -) and its _id the event's 1-based line
number in the input, so a hit can be found again with: sed -n '<_id>p' FILE.
`;

const SEARCH_FLAGS = {
  events: { type: 'string' },
  query: { type: 'string' },
  size: { type: 'integer', min: 0 },
  'fetch-size': { type: 'integer', min: 1 },
  'result-position': { type: 'enum', values: ['head', 'tail'] },
  'max-samples-per-key': { type: 'integer', min: 1 },
  'timestamp-field': { type: 'string' },
  'tiebreaker-field': { type: 'string' },
  'event-category-field': { type: 'string' },
  presorted: { type: 'boolean' },
  'skip-bad': { type: 'boolean' },
} as const;

export async function runSearch(
  argv: readonly string[],
  ctx: CliContext,
  loadEngine: () => Promise<SearchEngine>,
): Promise<number> {
  const { flags, positionals } = parseArgs(argv, SEARCH_FLAGS);
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  if (flags.events === undefined) throw new UsageError('--events FILE is required');
  if (flags.query === undefined) throw new UsageError('--query EQL is required');
  const options: SearchOptions = {
    ...(flags.size !== undefined && { size: flags.size }),
    ...(flags['fetch-size'] !== undefined && { fetchSize: flags['fetch-size'] }),
    ...(flags['result-position'] !== undefined && {
      resultPosition: flags['result-position'] as 'head' | 'tail',
    }),
    ...(flags['max-samples-per-key'] !== undefined && { maxSamplesPerKey: flags['max-samples-per-key'] }),
    ...(flags['timestamp-field'] !== undefined && { timestampField: flags['timestamp-field'] }),
    ...(flags['tiebreaker-field'] !== undefined && { tiebreakerField: flags['tiebreaker-field'] }),
    ...(flags['event-category-field'] !== undefined && { eventCategoryField: flags['event-category-field'] }),
    ...(flags.presorted && { presorted: true }),
  };

  const engine = await loadEngine();
  let executor: ReturnType<ReturnType<SearchEngine['compile']>['executor']>;
  try {
    executor = engine.compile(flags.query).executor(options);
  } catch (error) {
    const report = asQueryError(error);
    if (!report) throw error;
    ctx.stderr.write(`${report.line}:${report.column}: ${report.message}\n${report.codeFrame}\n`);
    return EXIT_FAILURE;
  }

  const file = flags.events;
  const index = file === '-' ? 'stdin' : basename(file);
  let skipped = 0;
  try {
    for await (const item of readNdjson(file, ctx.stdin)) {
      const problem =
        item.kind === 'error'
          ? `invalid JSON: ${item.message}`
          : typeof item.value !== 'object' || item.value === null || Array.isArray(item.value)
            ? `expected a JSON object, found ${Array.isArray(item.value) ? 'an array' : typeof item.value}`
            : undefined;
      if (problem !== undefined) {
        if (!flags['skip-bad']) {
          ctx.stderr.write(`${file}:${item.line}: ${problem}\n`);
          return EXIT_FAILURE;
        }
        skipped++;
        ctx.stderr.write(`${file}:${item.line}: skipped: ${problem}\n`);
        continue;
      }
      if (item.kind !== 'record') continue;
      executor.push({
        _index: index,
        _id: String(item.line),
        _source: item.value as Record<string, unknown>,
      });
      if (executor.done) break;
    }
  } catch (error) {
    const report = asQueryError(error);
    if (report) {
      ctx.stderr.write(`${report.line}:${report.column}: ${report.message}\n`);
      return EXIT_FAILURE;
    }
    if (isFileError(error)) {
      ctx.stderr.write(`${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}\n`);
      return EXIT_FAILURE;
    }
    throw error;
  }
  const response = executor.finish();
  ctx.stdout.write(`${JSON.stringify(response, null, 2)}\n`);
  if (skipped > 0) ctx.stderr.write(`${skipped} malformed line${skipped === 1 ? '' : 's'} skipped\n`);
  return EXIT_OK;
}

function isFileError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}
