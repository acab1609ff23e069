import {
  type ByteChunks,
  type DetectedInput,
  type EventResult,
  InputError,
  type InputFormat,
  type RecordPosition,
  readJsonLineBatches,
} from '@rulebench/events';
import { readEventBatchesNode } from '@rulebench/events/node';

/**
 * One record from an input, with where it was found, or why it is unreadable. A `fatal` error
 * means the input as a whole could not be read on (truncated archive, unknown format…): the
 * import fails whatever the user asked about skipping bad records.
 */
export type SourceRecord =
  | {
      readonly position: RecordPosition;
      readonly value: unknown;
      /** The JSON text `value` was parsed from, when it is to be stored as it is (ECS NDJSON). */
      readonly text?: string;
    }
  | { readonly position: RecordPosition; readonly error: string; readonly fatal?: boolean };

/** One uploaded file: a name when the client gave one, and its bytes. */
export interface SourceFile {
  readonly name: string | null;
  readonly chunks: AsyncIterable<Uint8Array>;
}

export interface SourceOptions {
  /** Overrides format sniffing for every file. */
  readonly format?: InputFormat;
  /** Most bytes gzip/zip members may expand to, all files together. */
  readonly maxInflatedBytes?: number;
  /** Name each record's file in its position (several files in one upload). */
  readonly nameFiles?: boolean;
  /** Told what each file (and zip member) turned out to be. */
  readonly onInput?: (input: DetectedInput & { readonly file?: string }) => void;
}

/**
 * Records of every file in turn, in any format the events package reads (sniffed unless
 * `format` is given), mapped to ECS. One record per step: see `eventRecordBatches` for hot loops.
 */
export async function* eventRecords(
  files: AsyncIterable<SourceFile>,
  options: SourceOptions = {},
): AsyncGenerator<SourceRecord> {
  for await (const batch of eventRecordBatches(files, options)) yield* batch;
}

/**
 * `eventRecords`, a batch at a time: the same records in the same order, in arrays (never empty)
 * of the records one input chunk completes (see `readEventBatches`), so the async steps between
 * the reader and the import are paid per chunk, not per record. A fatal error comes last, in a
 * batch of its own. Streams: memory stays at one batch (one 1 MiB chunk's records).
 */
export async function* eventRecordBatches(
  files: AsyncIterable<SourceFile>,
  options: SourceOptions = {},
): AsyncGenerator<SourceRecord[]> {
  const inflated = options.maxInflatedBytes;
  for await (const file of files) {
    const fileName = options.nameFiles ? file.name : null;
    const named = fileName !== null ? { file: fileName } : {};
    let last: RecordPosition = {};
    try {
      for await (const results of readEventBatchesNode(file.chunks, {
        ...(options.format === undefined ? {} : { format: options.format }),
        ...(inflated === undefined ? {} : { maxInflatedBytes: inflated }),
        onInput: (input) => options.onInput?.({ ...named, ...input }),
      })) {
        const batch: SourceRecord[] = new Array(results.length);
        for (let i = 0; i < results.length; i++) {
          const result = results[i] as EventResult;
          // No copy per record unless the file is named in it (most imports read one file).
          const position = fileName !== null ? { file: fileName, ...result.position } : result.position;
          batch[i] =
            result.kind === 'error'
              ? { position, error: result.message }
              : result.text === undefined
                ? { position, value: result.doc }
                : { position, value: result.doc, text: result.text };
        }
        if (batch.length === 0) continue;
        last = (batch[batch.length - 1] as SourceRecord).position;
        yield batch;
      }
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      const entry = error.entry ?? last.entry;
      const where = entry === undefined ? named : { ...named, entry };
      yield [{ position: where, error: error.message, fatal: true }];
      return;
    }
  }
}

/** Bundled corpora are our own ECS NDJSON: read as is (no mapping), every line must be good. */
export async function* ndjsonRecords(bytes: ByteChunks): AsyncGenerator<SourceRecord> {
  for await (const batch of ndjsonRecordBatches(bytes)) yield* batch;
}

/** `ndjsonRecords`, one array (never empty) per input chunk. */
export async function* ndjsonRecordBatches(bytes: ByteChunks): AsyncGenerator<SourceRecord[]> {
  for await (const items of readJsonLineBatches(bytes)) {
    yield items.map(
      (item): SourceRecord =>
        item.kind === 'record'
          ? { position: { line: item.line }, value: item.value, text: item.text }
          : { position: { line: item.line }, error: item.message },
    );
  }
}
