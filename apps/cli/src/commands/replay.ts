import { statSync } from 'node:fs';
import { InputError, type InputFormat } from '@rulebench/events';
import { asQueryError, type EventExecutor } from '../engine.js';
import type { CliContext } from '../io/context.js';
import {
  describePosition,
  eventId,
  fileErrorMessage,
  isFileError,
  readInputEventBatches,
} from '../io/events.js';
import type { TimestampWatch } from './timestamp-watch.js';

export interface ReplayInput {
  /** The path, or "-" for stdin. */
  readonly file: string;
  /** Each hit's `_index`. */
  readonly index: string;
  /** How messages name the input. */
  readonly name: string;
  readonly format?: InputFormat;
  readonly skipBad: boolean;
  /** Records (events and bad ones) an earlier pass over the same input already reported. */
  readonly reported?: number;
  /** Shown every event read (see `TimestampWatch`). */
  readonly watch?: TimestampWatch;
}

export type ReplayOutcome =
  | {
      readonly kind: 'read';
      readonly records: number;
      readonly skipped: number;
      readonly allLines: boolean;
    }
  | { readonly kind: 'failed' };

/**
 * Feeds an input's events to an executor until it is done or the input ends. Bad records fail
 * the search, or with `skipBad` are reported and counted; a second pass (`reported`) stays quiet
 * about the records the first one already reported. Errors are written to stderr, located.
 */
export async function replayEvents(
  executor: EventExecutor,
  input: ReplayInput,
  ctx: CliContext,
): Promise<ReplayOutcome> {
  const reported = input.reported ?? 0;
  let records = 0;
  let skipped = 0;
  let allLines = true;
  try {
    const batches = readInputEventBatches(
      input.file,
      ctx.stdin,
      input.format === undefined ? {} : { format: input.format },
    );
    read: for await (const batch of batches) {
      for (const item of batch) {
        const before = records++ < reported;
        if (item.kind === 'error') {
          if (item.position.line === undefined) allLines = false;
          if (before) {
            skipped++;
            continue;
          }
          const where = describePosition(input.name, item.position, item.at);
          if (!input.skipBad) {
            ctx.stderr.write(`${where}: ${item.message}\n`);
            return { kind: 'failed' };
          }
          skipped++;
          ctx.stderr.write(`${where}: skipped: ${item.message}\n`);
          continue;
        }
        const id = eventId(item.position);
        input.watch?.observe(item.doc, id);
        executor.push({ _index: input.index, _id: id, _source: item.doc });
        if (executor.done) break read;
      }
    }
  } catch (error) {
    const report = asQueryError(error);
    if (report) {
      ctx.stderr.write(`${report.line}:${report.column}: ${report.message}\n`);
      return { kind: 'failed' };
    }
    if (error instanceof InputError) {
      ctx.stderr.write(`${input.name}: ${error.message}\n`);
      return { kind: 'failed' };
    }
    if (isFileError(error)) {
      ctx.stderr.write(`${input.name}: ${fileErrorMessage(error)}\n`);
      return { kind: 'failed' };
    }
    throw error;
  }
  return { kind: 'read', records, skipped, allLines };
}

/** A file that can be read twice (not stdin, a FIFO or a device). */
export function isRegularFile(path: string): boolean {
  if (path === '-') return false;
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
