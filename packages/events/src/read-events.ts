import type { EcsDocument } from './ecs-builder.js';
import { isObject } from './json-value.js';
import { normalizeRecord } from './normalize.js';
import { gunzipChunks } from './readers/gzip.js';
import { readJsonLines } from './readers/json-lines.js';
import { type JsonArrayPath, readJsonArrayElements } from './readers/json-stream.js';
import type { ByteChunks } from './readers/text-lines.js';
import { readZipEntries } from './readers/zip.js';
import { type Compression, type InputFormat, sniffCompression, sniffFormat } from './sniff.js';
import { fromEventXml } from './windows/event-xml.js';
import { mapWinEvent, type WindowsMapOptions } from './windows/map.js';

/** Where a record was found, for error reports: zip member, line (NDJSON), element or record number. */
export interface RecordPosition {
  readonly entry?: string;
  readonly line?: number;
  readonly element?: number;
  readonly record?: number;
}

export type EventResult =
  | { readonly kind: 'event'; readonly position: RecordPosition; readonly doc: EcsDocument }
  | { readonly kind: 'error'; readonly position: RecordPosition; readonly message: string };

/** Decodes EVTX bytes into rendered XML records (Node only: see `@rulebench/events/node`). */
export type EvtxDecoder = (
  bytes: Uint8Array,
) => Iterable<
  { kind: 'record'; index: number; xml: string } | { kind: 'error'; index: number; message: string }
>;

export interface ReadEventsOptions extends WindowsMapOptions {
  /** Skip sniffing the format of the (uncompressed) content. */
  readonly format?: InputFormat;
  /** Skip sniffing the wrapper. */
  readonly compression?: Compression;
  readonly evtx?: EvtxDecoder;
}

const SNIFF_BYTES = 64 * 1024;

/** Reads any supported input into ECS documents, one result per record; bad records are reported, never dropped. */
export async function* readEvents(
  chunks: ByteChunks,
  options: ReadEventsOptions = {},
): AsyncGenerator<EventResult> {
  const { head, rest } = await peek(chunks, SNIFF_BYTES);
  const compression = options.compression ?? sniffCompression(head);
  if (compression === 'gzip') {
    yield* readEvents(gunzipChunks(rest), { ...options, compression: 'none' });
    return;
  }
  if (compression === 'zip') {
    for await (const entry of readZipEntries(rest)) {
      const base = entry.name.split('/').pop() ?? '';
      if (entry.name.startsWith('__MACOSX/') || base.startsWith('.')) continue;
      for await (const result of readEvents(entry.chunks, { ...options, compression: 'none' })) {
        yield { ...result, position: { entry: entry.name, ...result.position } } as EventResult;
      }
    }
    return;
  }
  const format = options.format ?? sniffFormat(head);
  switch (format) {
    case 'ndjson':
      for await (const r of readJsonLines(rest)) {
        yield r.kind === 'error'
          ? { kind: 'error', position: { line: r.line }, message: r.message }
          : toEvent(r.value, { line: r.line }, options);
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
  chunks: ByteChunks,
  paths: readonly JsonArrayPath[],
  options: ReadEventsOptions,
  hits: 'none' | 'search' | 'eql',
): AsyncGenerator<EventResult> {
  for await (const r of readJsonArrayElements(chunks, paths)) {
    const position = { element: r.index + 1 };
    if (r.kind === 'error') {
      yield { kind: 'error', position, message: r.message };
    } else if (hits === 'none') {
      yield toEvent(r.value, position, options);
    } else if (hits === 'eql' && r.path === 1) {
      // A sequence: its events in order; missing-event placeholders have no _source.
      const events = isObject(r.value) && Array.isArray(r.value.events) ? r.value.events : [];
      for (const hit of events) {
        if (isObject(hit) && hit.missing === true) continue;
        yield toEvent(isObject(hit) ? hit._source : hit, position, options);
      }
    } else {
      yield toEvent(isObject(r.value) ? r.value._source : r.value, position, options);
    }
  }
}

function toEvent(value: unknown, position: RecordPosition, options: ReadEventsOptions): EventResult {
  try {
    return { kind: 'event', position, doc: normalizeRecord(value, options) };
  } catch (error) {
    return { kind: 'error', position, message: error instanceof Error ? error.message : String(error) };
  }
}

async function* evtxEvents(chunks: ByteChunks, options: ReadEventsOptions): AsyncGenerator<EventResult> {
  if (!options.evtx) {
    yield {
      kind: 'error',
      position: {},
      message: 'EVTX input needs the Node reader (@rulebench/events/node)',
    };
    return;
  }
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  for (const r of options.evtx(concat(parts))) {
    const position = { record: r.index };
    if (r.kind === 'error') {
      yield { kind: 'error', position, message: r.message };
      continue;
    }
    try {
      yield { kind: 'event', position, doc: mapWinEvent(fromEventXml(r.xml), options) };
    } catch (error) {
      yield { kind: 'error', position, message: error instanceof Error ? error.message : String(error) };
    }
  }
}

async function* wrapInArray(chunks: ByteChunks): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  yield encoder.encode('[');
  for await (const chunk of chunks) yield chunk;
  yield encoder.encode(']');
}

/** Reads at least `size` bytes (or all) and returns them with a stream that replays them first. */
async function peek(
  chunks: ByteChunks,
  size: number,
): Promise<{ head: Uint8Array; rest: AsyncIterable<Uint8Array> }> {
  const iterator =
    Symbol.asyncIterator in chunks ? chunks[Symbol.asyncIterator]() : toAsync(chunks as Iterable<Uint8Array>);
  const buffered: Uint8Array[] = [];
  let length = 0;
  let done = false;
  while (length < size) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    buffered.push(next.value);
    length += next.value.length;
  }
  const head = concat(buffered).subarray(0, size);
  const rest = (async function* () {
    yield* buffered;
    if (!done)
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  })();
  return { head, rest };
}

async function* toAsyncGen(items: Iterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield* items;
}

function toAsync(items: Iterable<Uint8Array>): AsyncIterator<Uint8Array> {
  return toAsyncGen(items)[Symbol.asyncIterator]();
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
