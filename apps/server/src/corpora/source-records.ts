import {
  type ByteChunks,
  type DetectedInput,
  InputError,
  type InputFormat,
  type RecordPosition,
  readJsonLines,
} from '@rulebench/events';
import { readEventsNode } from '@rulebench/events/node';

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
 * `format` is given), mapped to ECS. Streams: memory stays at one record (one EVTX chunk).
 */
export async function* eventRecords(
  files: AsyncIterable<SourceFile>,
  options: SourceOptions = {},
): AsyncGenerator<SourceRecord> {
  const inflated = options.maxInflatedBytes;
  for await (const file of files) {
    const fileName = options.nameFiles ? file.name : null;
    const named = fileName !== null ? { file: fileName } : {};
    let last: RecordPosition = {};
    try {
      for await (const result of readEventsNode(file.chunks, {
        ...(options.format === undefined ? {} : { format: options.format }),
        ...(inflated === undefined ? {} : { maxInflatedBytes: inflated }),
        onInput: (input) => options.onInput?.({ ...named, ...input }),
      })) {
        // No copy per record unless the file is named in it (most imports read one file).
        const position = fileName !== null ? { file: fileName, ...result.position } : result.position;
        last = position;
        if (result.kind === 'error') yield { position, error: result.message };
        else if (result.text === undefined) yield { position, value: result.doc };
        else yield { position, value: result.doc, text: result.text };
      }
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      const entry = error.entry ?? last.entry;
      const where = entry === undefined ? named : { ...named, entry };
      yield { position: where, error: error.message, fatal: true };
      return;
    }
  }
}

/** Bundled corpora are our own ECS NDJSON: read as is (no mapping), every line must be good. */
export async function* ndjsonRecords(bytes: ByteChunks): AsyncGenerator<SourceRecord> {
  for await (const item of readJsonLines(bytes)) {
    if (item.kind === 'record') yield { position: { line: item.line }, value: item.value, text: item.text };
    else yield { position: { line: item.line }, error: item.message };
  }
}
