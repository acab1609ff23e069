import type { EcsDocument } from './ecs-builder.js';
import { InputError } from './input-error.js';
import { isObject } from './json-value.js';
import { normalizeRecord } from './normalize.js';
import { gunzipChunks } from './readers/gzip.js';
import { readJsonLineBatches } from './readers/json-lines.js';
import { type JsonArrayPath, readJsonArrayElementBatches } from './readers/json-stream.js';
import { peekBytes } from './readers/peek.js';
import { limitInflated, rechunk, utf16ToUtf8 } from './readers/rechunk.js';
import type { ByteChunks } from './readers/text-lines.js';
import { readZipEntries } from './readers/zip.js';
import {
  type Compression,
  type InputFormat,
  isEvtxMagic,
  sniffCompression,
  sniffFormat,
  sniffUtf16,
} from './sniff.js';
import { fromEventElement, fromEventXml } from './windows/event-xml.js';
import { mapWinEvent, type WindowsMapOptions } from './windows/map.js';
import type { XmlElement } from './windows/xml.js';

/**
 * Where a record was found, for error reports: the input file (set by callers that read
 * several), the zip member, the line (NDJSON), the element of a JSON array, or the EVTX record.
 */
export interface RecordPosition {
  readonly file?: string;
  readonly entry?: string;
  readonly line?: number;
  readonly element?: number;
  readonly record?: number;
}

/** A place in an input's text: 1-based line and column (UTF-16 units), as editors count them. */
export interface TextPoint {
  readonly line: number;
  readonly column: number;
}

export type EventResult =
  | {
      readonly kind: 'event';
      readonly position: RecordPosition;
      readonly doc: EcsDocument;
      /**
       * The record's own JSON text (an NDJSON line), present when `doc` is that record unchanged
       * (ECS input is kept as is): a store can keep this text rather than serialise `doc` again.
       */
      readonly text?: string;
    }
  | {
      readonly kind: 'error';
      readonly position: RecordPosition;
      readonly message: string;
      /**
       * Where in the text the fault is (JSON text only), or where the record starts when it is
       * refused whole (too deep, too long). Beside `position`, not in it: `position` says which
       * record it is (its id, what a server's report lists), this says where to look.
       */
      readonly at?: TextPoint;
    };

/**
 * One EVTX record rendered as XML, or why it could not be decoded; numbered from 1. A decoder
 * that builds the `<Event>` element tree anyway passes it as `element`, sparing a re-parse.
 */
export type EvtxRecordResult =
  | { readonly kind: 'record'; readonly index: number; readonly xml: string; readonly element?: XmlElement }
  | { readonly kind: 'error'; readonly index: number; readonly message: string };

/**
 * Decodes an EVTX byte stream into rendered XML records (Node only: see
 * `@rulebench/events/node`). Throws an InputError when the file as a whole is unreadable.
 */
export type EvtxDecoder = (chunks: AsyncIterable<Uint8Array>) => AsyncIterable<EvtxRecordResult>;

/** What was recognised in an input (or in one member of a zip archive). */
export interface DetectedInput {
  readonly entry?: string;
  readonly compression: Compression;
  readonly format: InputFormat;
  readonly encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'binary';
}

export interface ReadEventsOptions extends WindowsMapOptions {
  /** Skip sniffing the format of the (uncompressed) content. */
  readonly format?: InputFormat;
  /** Skip sniffing the wrapper. */
  readonly compression?: Compression;
  readonly evtx?: EvtxDecoder;
  /** Longest NDJSON line (or JSON array element), in bytes; longer ones are reported errors. */
  readonly maxLineBytes?: number;
  /** Deepest nesting of one record; deeper ones are reported errors. */
  readonly maxDepth?: number;
  /** Most bytes that gzip/zip wrappers may expand to, all members together. */
  readonly maxInflatedBytes?: number;
  /** Told the format of each input (and zip member) once it is recognised. */
  readonly onInput?: (input: DetectedInput) => void;
}

const SNIFF_BYTES = 64 * 1024;
/** Readers never see a chunk larger than this, so their limits hold whatever the source sends. */
const MAX_CHUNK = 1024 * 1024;

/** EVTX records (decoded one async step each) handed on together, at most this many at a time. */
const EVTX_BATCH = 256;

/**
 * Reads any supported input into ECS documents, one result per record, streaming: gzip and
 * zip wrappers (members in order), UTF-8 or UTF-16 text, NDJSON, JSON arrays, single JSON
 * documents, Elasticsearch `_search` / `_eql/search` responses, and EVTX (with a decoder).
 * Bad records are reported with their position, never dropped; an input that cannot be read
 * on as a whole (not a supported format, truncated archive…) throws an InputError.
 * One record per step: see `readEventBatches` for hot paths.
 */
export async function* readEvents(
  chunks: ByteChunks,
  options: ReadEventsOptions = {},
): AsyncGenerator<EventResult> {
  for await (const batch of readEventBatches(chunks, options)) for (const result of batch) yield result;
}

/**
 * `readEvents`, a batch at a time: the same results in the same order, in arrays (never empty)
 * of the records one input chunk completes (up to 1 MiB of text; EVTX: up to 256 records). Each
 * async step costs a promise resolution per layer, as much as parsing a small record, so the
 * layers here pay it per batch. Memory stays at one batch; stopping early is fine.
 */
export async function* readEventBatches(
  chunks: ByteChunks,
  options: ReadEventsOptions = {},
): AsyncGenerator<EventResult[]> {
  yield* readInput(rechunk(chunks, MAX_CHUNK), options, { bytes: 0 }, undefined, undefined);
}

async function* readInput(
  chunks: AsyncIterable<Uint8Array>,
  options: ReadEventsOptions,
  inflated: { bytes: number },
  entry: string | undefined,
  wrapper: Compression | undefined,
): AsyncGenerator<EventResult[]> {
  let { head, rest } = await peekBytes(chunks, SNIFF_BYTES);
  const compression = wrapper === undefined ? (options.compression ?? sniffCompression(head)) : 'none';
  const inflate = (source: AsyncIterable<Uint8Array>) =>
    options.maxInflatedBytes === undefined
      ? source
      : limitInflated(source, options.maxInflatedBytes, inflated);
  if (wrapper === undefined && head[0] === 0x50 && head[1] === 0x4b && head[2] === 5 && head[3] === 6)
    throw new InputError('zip: the archive holds no files');
  if (compression === 'gzip') {
    yield* readInput(inflate(gunzipChunks(rest)), options, inflated, entry, 'gzip');
    return;
  }
  if (compression === 'zip') {
    let members = 0;
    for await (const member of readZipEntries(rest)) {
      const base = member.name.split('/').pop() ?? '';
      if (member.name.startsWith('__MACOSX/') || base.startsWith('.')) continue;
      members++;
      try {
        for await (const batch of readInput(inflate(member.chunks), options, inflated, member.name, 'zip')) {
          yield batch.map(
            (result) => ({ ...result, position: { entry: member.name, ...result.position } }) as EventResult,
          );
        }
      } catch (error) {
        if (error instanceof InputError && error.entry === undefined)
          throw new InputError(error.message, member.name);
        throw error;
      }
    }
    if (members === 0) throw new InputError('zip: the archive holds no files');
    return;
  }

  let encoding: DetectedInput['encoding'] = 'utf-8';
  const utf16 = options.format === 'evtx' ? undefined : sniffUtf16(head);
  if (utf16 !== undefined) {
    encoding = utf16;
    ({ head, rest } = await peekBytes(utf16ToUtf8(skip(rest, 2), utf16), SNIFF_BYTES));
  } else if (isEvtxMagic(head) || options.format === 'evtx') {
    encoding = 'binary';
  } else if (options.format === undefined && !startsLikeJson(head)) {
    throw new InputError(
      'the input is not in a supported format: it does not start like JSON ("{" or "[") and is not a gzip, zip or EVTX file',
    );
  }
  const format = options.format ?? sniffFormat(head);
  options.onInput?.({
    ...(entry === undefined ? {} : { entry }),
    compression: wrapper ?? 'none',
    format,
    encoding,
  });

  switch (format) {
    case 'ndjson':
      for await (const lines of readJsonLineBatches(rest, options)) {
        const batch: EventResult[] = [];
        for (const r of lines)
          batch.push(
            r.kind === 'error'
              ? {
                  kind: 'error',
                  position: { line: r.line },
                  message: r.message,
                  ...(r.column !== undefined && { at: { line: r.line, column: r.column } }),
                }
              : toEvent(r.value, { line: r.line }, options, r.text),
          );
        yield batch;
      }
      return;
    case 'json-array':
      yield* elements(rest, [[]], options, 'none');
      return;
    case 'es-search':
      yield* elements(rest, [['hits', 'hits']], options, 'search');
      return;
    case 'eql-search':
      yield* elements(
        rest,
        [
          ['hits', 'events'],
          ['hits', 'sequences'],
        ],
        options,
        'eql',
      );
      return;
    case 'json':
      yield* elements(wrapInArray(rest), [[]], options, 'none');
      return;
    case 'evtx':
      yield* evtxEvents(rest, options);
      return;
  }
}

/** Elements of arrays inside one JSON document; `_source` is taken from search hits. */
async function* elements(
  chunks: AsyncIterable<Uint8Array>,
  paths: readonly JsonArrayPath[],
  options: ReadEventsOptions,
  hits: 'none' | 'search' | 'eql',
): AsyncGenerator<EventResult[]> {
  const limits = {
    ...(options.maxLineBytes === undefined ? {} : { maxElementChars: options.maxLineBytes }),
    ...(options.maxDepth === undefined ? {} : { maxDepth: options.maxDepth }),
  };
  // Sequences share events: each event is read once (by `_index`/`_id`), numbered in the order
  // first seen, so the events of one sequence get ids of their own.
  const seen = new Set<string>();
  let sequenceEvents = 0;
  for await (const found of readJsonArrayElementBatches(chunks, paths, limits)) {
    const batch: EventResult[] = [];
    for (const r of found) {
      const position = { element: r.index + 1 };
      if (r.kind === 'error') {
        batch.push({ kind: 'error', position, message: r.message, at: r.at });
      } else if (hits === 'none') {
        batch.push(toEvent(r.value, position, options));
      } else if (hits === 'eql' && r.path === 1) {
        // A sequence: its events in order; missing-event placeholders have no _source.
        const events = isObject(r.value) && Array.isArray(r.value.events) ? r.value.events : [];
        for (const hit of events) {
          if (isObject(hit) && hit.missing === true) continue;
          const key = isObject(hit) ? hitKey(hit) : undefined;
          if (key !== undefined) {
            if (seen.has(key)) continue;
            seen.add(key);
          }
          const at = { element: ++sequenceEvents };
          batch.push(toEvent(isObject(hit) ? hit._source : hit, at, options));
        }
      } else {
        batch.push(toEvent(isObject(r.value) ? r.value._source : r.value, position, options));
      }
    }
    // A sequence whose events were all missing adds nothing: no empty batch.
    if (batch.length > 0) yield batch;
  }
}

/** A search hit's identity (`_index` and `_id`), when it has one. */
function hitKey(hit: Record<string, unknown>): string | undefined {
  const { _index: index, _id: id } = hit;
  if (typeof id !== 'string' && typeof id !== 'number') return undefined;
  return `${typeof index === 'string' ? index : ''}\u0000${id}`;
}

/** `text`: the JSON text `value` was parsed from, passed on when the record is kept as is. */
function toEvent(
  value: unknown,
  position: RecordPosition,
  options: ReadEventsOptions,
  text?: string,
): EventResult {
  try {
    const doc = normalizeRecord(value, options);
    return text !== undefined && doc === value
      ? { kind: 'event', position, doc, text }
      : { kind: 'event', position, doc };
  } catch (error) {
    return { kind: 'error', position, message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The decoder hands records over one async step each; they are passed on in batches of up to
 * EVTX_BATCH, so the layers above pay a step per batch. A decoder that throws (a corrupt file)
 * still has the records before the fault reported first, as when they went one by one.
 */
async function* evtxEvents(
  chunks: AsyncIterable<Uint8Array>,
  options: ReadEventsOptions,
): AsyncGenerator<EventResult[]> {
  if (!options.evtx) {
    yield [
      { kind: 'error', position: {}, message: 'EVTX input needs the Node reader (@rulebench/events/node)' },
    ];
    return;
  }
  let batch: EventResult[] = [];
  try {
    for await (const r of options.evtx(chunks)) {
      batch.push(evtxEvent(r, options));
      if (batch.length >= EVTX_BATCH) {
        yield batch;
        batch = [];
      }
    }
  } catch (error) {
    if (batch.length > 0) yield batch;
    throw error;
  }
  if (batch.length > 0) yield batch;
}

function evtxEvent(r: EvtxRecordResult, options: ReadEventsOptions): EventResult {
  const position = { record: r.index };
  if (r.kind === 'error') return { kind: 'error', position, message: r.message };
  try {
    return {
      kind: 'event',
      position,
      doc: mapWinEvent(r.element ? fromEventElement(r.element) : fromEventXml(r.xml), options),
    };
  } catch (error) {
    return { kind: 'error', position, message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Every text format read here starts, after a byte-order mark and white space, with "{" or "["
 * (or is empty). Anything else is not ours; invalid UTF-8 further on is a bad line, not a
 * different format. One exception: a first line that is a JSON value of another kind (`null`,
 * `42`, `"text"`) is NDJSON with a wrong record, better reported at its line ("expected a JSON
 * object, found null") than as a file of no known format.
 */
function startsLikeJson(head: Uint8Array): boolean {
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x0a || head[i] === 0x0d || head[i] === 0x09))
    i++;
  if (i === head.length || head[i] === 0x7b || head[i] === 0x5b) return true;
  const end = head.indexOf(0x0a, i);
  if (end < 0) return false;
  try {
    JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(i, end)));
    return true;
  } catch {
    return false;
  }
}

async function* wrapInArray(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  yield encoder.encode('[');
  for await (const chunk of chunks) yield chunk;
  yield encoder.encode(']');
}

async function* skip(chunks: AsyncIterable<Uint8Array>, count: number): AsyncGenerator<Uint8Array> {
  let left = count;
  for await (const chunk of chunks) {
    if (left >= chunk.length) {
      left -= chunk.length;
      continue;
    }
    yield left > 0 ? chunk.subarray(left) : chunk;
    left = 0;
  }
}

/** "file.zip › member.json:12", "dump.evtx record 5", "hits.json element 3": a position for people. */
export function formatPosition(position: RecordPosition): string {
  const where = [position.file, position.entry].filter((p): p is string => p !== undefined).join(' › ');
  const at =
    position.line !== undefined
      ? `${where === '' ? 'line ' : ':'}${position.line}`
      : position.element !== undefined
        ? `${where === '' ? '' : ' '}element ${position.element}`
        : position.record !== undefined
          ? `${where === '' ? '' : ' '}record ${position.record}`
          : '';
  return `${where}${at}` || 'input';
}
