import type { WriteStream } from 'node:fs';
import { basename } from 'node:path';
import {
  type DetectedInput,
  type EventResult,
  INPUT_FORMATS,
  InputError,
  type InputFormat,
  parseTimestamp,
  timestampProblem,
} from '@rulebench/events';
import { parseArgs, UsageError } from '../args.js';
import { type CliContext, EXIT_FAILURE, EXIT_OK } from '../io/context.js';
import {
  describeInput,
  describePosition,
  fileErrorMessage,
  inputName,
  isFileError,
  readInputEventBatches,
} from '../io/events.js';
import { fileSink, OutputError, type Sink } from '../io/output-file.js';

export const IMPORT_USAGE = `Usage: rulebench import INPUT... --out FILE.ndjson [options]

Converts events to ECS NDJSON (one JSON object per line), ready for "rulebench search" or an
upload. Each INPUT ("-" reads stdin) may be ECS NDJSON, a JSON array, an Elasticsearch
_search or _eql/search response, raw Windows/Sysmon JSON, winlogbeat documents or an EVTX
file, plain, gzipped or zipped; the format is sniffed and raw Windows events are mapped to ECS
the way Elastic's Windows integrations do. Inputs are streamed, one chunk in memory at a time.

Prints how many records each input had, how many were written and rejected.

Options:
  --out FILE          where to write the NDJSON, or - for stdout (required); a file is
                      written only when the conversion succeeds (stdout is streamed)
  --format FORMAT     ${INPUT_FORMATS.join('|')} (default: sniffed per input)
  --skip-bad          write the good records and report the bad ones (on stderr) instead of
                      failing on them

Exit status: 0 when written, 1 when an input is unreadable or has bad records (nothing is
written then, unless --skip-bad), 2 for a bad command line.
`;

const IMPORT_FLAGS = {
  out: { type: 'string' },
  format: { type: 'enum', values: INPUT_FORMATS },
  'skip-bad': { type: 'boolean' },
} as const;

/** Bad records listed one by one before the rest are only counted. */
const MAX_LISTED = 20;

interface InputCount {
  readonly input: string;
  formats: string[];
  read: number;
  written: number;
  rejected: number;
}

export async function runImport(argv: readonly string[], ctx: CliContext): Promise<number> {
  const { flags, positionals } = parseArgs(argv, IMPORT_FLAGS);
  if (positionals.length === 0) throw new UsageError('at least one INPUT is required');
  if (flags.out === undefined) throw new UsageError('--out FILE is required');
  if (positionals.filter((p) => p === '-').length > 1)
    throw new UsageError('stdin (-) can be read only once');
  const out = flags.out;
  const format = flags.format as InputFormat | undefined;
  const skipBad = flags['skip-bad'] === true;
  const summary = out === '-' ? ctx.stderr : ctx.stdout;

  let sink: Sink;
  try {
    sink = out === '-' ? stdoutSink(ctx) : fileSink(out);
  } catch (error) {
    if (!(error instanceof OutputError)) throw error;
    ctx.stderr.write(`--out ${error.message}\n`);
    return EXIT_FAILURE;
  }
  const counts: InputCount[] = [];
  let listed = 0;
  let failed = false;
  try {
    for (const input of positionals) {
      const count: InputCount = { input, formats: [], read: 0, written: 0, rejected: 0 };
      counts.push(count);
      const onInput = (detected: DetectedInput) => {
        const text = describeInput(detected);
        if (!count.formats.includes(text)) count.formats.push(text);
      };
      try {
        const batches = readInputEventBatches(input, ctx.stdin, { ...(format && { format }), onInput });
        for await (const batch of batches) {
          for (const read of batch) {
            const item = checkTimestamp(read);
            count.read++;
            if (item.kind === 'error') {
              count.rejected++;
              if (listed++ < MAX_LISTED)
                ctx.stderr.write(
                  `${describePosition(inputName(input), item.position, item.at)}: ${skipBad ? 'skipped: ' : ''}${item.message}\n`,
                );
              continue;
            }
            // Once the conversion is bound to fail, keep reading only to count the bad records.
            if (count.rejected > 0 && !skipBad) continue;
            if (failed) continue;
            await sink.write(`${JSON.stringify(item.doc)}\n`);
            count.written++;
          }
        }
      } catch (error) {
        if (error instanceof InputError) {
          ctx.stderr.write(`${inputName(input)}: ${error.message}\n`);
        } else if (isFileError(error) && !(error instanceof OutputError)) {
          ctx.stderr.write(`${inputName(input)}: ${fileErrorMessage(error)}\n`);
        } else throw error;
        failed = true;
      }
      if (count.rejected > 0 && !skipBad) failed = true;
    }
  } catch (error) {
    await sink.abort();
    if (!(error instanceof OutputError)) throw error;
    ctx.stderr.write(`--out ${error.message}\nnothing written\n`);
    return EXIT_FAILURE;
  }
  const rejected = counts.reduce((n, c) => n + c.rejected, 0);
  if (listed > MAX_LISTED) ctx.stderr.write(`… and ${listed - MAX_LISTED} more bad records\n`);

  if (failed) {
    await sink.abort();
    // A file is removed on failure, so nothing of it was written whatever was counted; stdout
    // cannot be taken back, so what went there is said, not denied.
    const streamed = out === '-' ? counts.reduce((n, c) => n + c.written, 0) : 0;
    if (out !== '-') for (const c of counts) c.written = 0;
    for (const line of countLines(counts)) summary.write(`${line}\n`);
    const outcome =
      streamed > 0
        ? `incomplete: only ${streamed} event${streamed === 1 ? '' : 's'} written to stdout`
        : 'nothing written';
    summary.write(
      rejected > 0 && !skipBad
        ? `${outcome}: ${rejected} bad record${rejected === 1 ? '' : 's'}; fix them, or run again with --skip-bad\n`
        : `${outcome}\n`,
    );
    return EXIT_FAILURE;
  }
  for (const line of countLines(counts)) summary.write(`${line}\n`);
  try {
    await sink.commit();
  } catch (error) {
    if (!(error instanceof OutputError)) throw error;
    ctx.stderr.write(`--out ${error.message}\nnothing written\n`);
    return EXIT_FAILURE;
  }
  const written = counts.reduce((n, c) => n + c.written, 0);
  summary.write(`wrote ${written} event${written === 1 ? '' : 's'} to ${out === '-' ? 'stdout' : out}\n`);
  return EXIT_OK;
}

/**
 * Refuses a record whose `@timestamp` is not a date, or one out of range, as the server's import
 * does (the same check and words), so a file `import` writes is a file the server accepts.
 */
function checkTimestamp(item: EventResult): EventResult {
  if (item.kind !== 'event') return item;
  const raw = item.doc['@timestamp'];
  if (raw === undefined || raw === null || parseTimestamp(raw) !== undefined) return item;
  return { kind: 'error', position: item.position, message: timestampProblem('@timestamp', raw, item.text) };
}

/** One aligned line per input, and a total when there are several. */
function countLines(counts: readonly InputCount[]): string[] {
  const rows = counts.map((c) => [
    c.input === '-' ? 'stdin' : basename(c.input),
    c.formats.join(', ') || '-',
    c.read,
    c.written,
    c.rejected,
  ]);
  if (counts.length > 1) {
    const sum = (key: 'read' | 'written' | 'rejected') => counts.reduce((n, c) => n + c[key], 0);
    rows.push(['total', '', sum('read'), sum('written'), sum('rejected')]);
  }
  const header = ['input', 'format', 'read', 'written', 'rejected'];
  const all = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, i) => Math.max(...all.map((row) => (row[i] ?? '').length)));
  return all.map((row) =>
    row
      .map((cell, i) => (i < 2 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}

function stdoutSink(ctx: CliContext): Sink {
  const out = ctx.stdout as { write(text: string): unknown };
  return {
    write: async (text) => {
      const ok = out.write(text);
      const stream = out as Partial<WriteStream>;
      if (ok === false && typeof stream.once === 'function')
        await new Promise<void>((resolve) => stream.once?.('drain', () => resolve()));
    },
    commit: async () => undefined,
    abort: async () => undefined,
  };
}
