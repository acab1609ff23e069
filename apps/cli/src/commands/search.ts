import { basename } from 'node:path';
import type { SearchOptions } from '@rulebench/eql';
import { INPUT_FORMATS, type InputFormat } from '@rulebench/events';
import { parseArgs, UsageError } from '../args.js';
import { asQueryError, type SearchEngine } from '../engine.js';
import { type CliContext, EXIT_FAILURE, EXIT_OK } from '../io/context.js';
import { inputName } from '../io/events.js';
import { isRegularFile, replayEvents } from './replay.js';
import { TimestampWatch } from './timestamp-watch.js';

export const SEARCH_USAGE = `Usage: rulebench search --events FILE --query EQL [options]

Runs an EQL query over events and prints the Elasticsearch _eql/search response as JSON.
FILE ("-" reads stdin) may be ECS NDJSON, a JSON array, an Elasticsearch _search or
_eql/search response, raw Windows/Sysmon JSON, winlogbeat documents or an EVTX file, plain,
gzipped or zipped; the format is sniffed and raw Windows events are mapped to ECS. It is
streamed: memory stays at one chunk of events (plus what the query keeps). A sequence needs
its events in time order: over a file it streams while the file is in order and, when it is
not, reads the file again and sorts the events its terms take (those stay in memory).

Options:
  --events FILE                 the events, or - for stdin (required)
  --format FORMAT               ${INPUT_FORMATS.join('|')} (default: sniffed)
  --query EQL                   the EQL query (required)
  --size N                      events or sequences returned (default 10)
  --fetch-size N                accepted for Elasticsearch compatibility
  --result-position tail|head   latest (default, as in Elasticsearch) or earliest matches
  --max-samples-per-key N       samples per join key for sample queries (default 1)
  --timestamp-field F           default @timestamp
  --tiebreaker-field F          second sort key
  --event-category-field F      default event.category
  --presorted                   events are in (timestamp, tiebreaker) order: trust it (streams
                                sequences from stdin too)
  --skip-bad                    skip malformed records (reported on stderr) instead of failing

Each hit's _index is the file's base name (stdin for -) and its _id the event's 1-based line
number in NDJSON input, so a hit can be found again with: sed -n '<_id>p' FILE (the element
or EVTX record number for other formats, after "member:" inside a zip archive).
`;

const SEARCH_FLAGS = {
  events: { type: 'string' },
  format: { type: 'enum', values: INPUT_FORMATS },
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
  let compiled: ReturnType<SearchEngine['compile']>;
  try {
    const compileOptions =
      options.timestampField === undefined ? {} : { timestampField: options.timestampField };
    compiled = engine.compile(flags.query, compileOptions);
  } catch (error) {
    const report = asQueryError(error);
    if (!report) throw error;
    ctx.stderr.write(`${report.line}:${report.column}: ${report.message}\n${report.codeFrame}\n`);
    return EXIT_FAILURE;
  }

  const file = flags.events;
  const replay = {
    file,
    index: file === '-' ? 'stdin' : basename(file),
    name: inputName(file),
    skipBad: flags['skip-bad'] === true,
    watch: new TimestampWatch(options.timestampField ?? '@timestamp'),
    ...(flags.format !== undefined && { format: flags.format as InputFormat }),
  };
  // A sequence must see its events in order. Most files already are: stream them as sorted
  // while the order holds, and only if it breaks read the file again and sort (stdin cannot be
  // read twice, so there --presorted is the way to stream).
  const optimistic = !flags.presorted && compiled.kind === 'Sequence' && isRegularFile(file);
  let executor = compiled.executor(optimistic ? { ...options, presorted: true, verifyOrder: true } : options);
  let outcome = await replayEvents(executor, replay, ctx);
  if (outcome.kind === 'read' && executor.unsorted) {
    executor = compiled.executor(options);
    outcome = await replayEvents(executor, { ...replay, reported: outcome.records }, ctx);
  }
  if (outcome.kind === 'failed') return EXIT_FAILURE;
  const { skipped, allLines } = outcome;
  const response = executor.finish();
  ctx.stdout.write(`${JSON.stringify(response, null, 2)}\n`);
  const unit = allLines ? 'line' : 'record';
  if (skipped > 0) ctx.stderr.write(`${skipped} malformed ${unit}${skipped === 1 ? '' : 's'} skipped\n`);
  for (const note of replay.watch.notes(replay.name)) ctx.stderr.write(`${note}\n`);
  return EXIT_OK;
}
