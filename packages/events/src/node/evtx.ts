import { BinaryReader, ChunkHeader, FileHeader } from '@ts-evtx/core';
import { InputError } from '../input-error.js';
import type { EvtxRecordResult } from '../read-events.js';
import { readFileChunks } from './files.js';

/**
 * EVTX decoding through @ts-evtx/core (records rendered with renderXml(); its high-level
 * evtx() helper returns wrong event ids). An EVTX file is a 4 KiB header followed by
 * self-contained 64 KiB chunks (each with its own string and template tables), so the file is
 * decoded as a stream, one chunk in memory at a time: no temporary file, constant memory,
 * and a corrupt chunk costs only its own records. Node only: the library imports fs.
 */

/** The library's own types do not resolve under NodeNext; this is the part we use. */
interface EvtxRecord {
  renderXml(): string;
}
interface Header {
  verify(): boolean;
  checkMagic(): boolean;
  chunkCount(): number;
  headerChunkSize(): number;
}
interface Chunk {
  checkMagic(): boolean;
  records(): Iterable<EvtxRecord>;
}
type Reader = object;
const Readers = BinaryReader as unknown as new (bytes: Uint8Array) => Reader;
const Headers = FileHeader as unknown as new (reader: Reader, offset: number) => Header;
const Chunks = ChunkHeader as unknown as new (reader: Reader, offset: number) => Chunk;

const FILE_HEADER_BYTES = 4096;
const CHUNK_BYTES = 0x10000;

export type { EvtxRecordResult };

/** Decodes an EVTX byte stream record by record, in file order; bad records are reported, not dropped. */
export async function* readEvtxStream(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<EvtxRecordResult> {
  const blocks = fixedBlocks(chunks);
  const first = await blocks.next(FILE_HEADER_BYTES);
  if (first === undefined || first.length < FILE_HEADER_BYTES)
    throw new InputError('evtx: the file is shorter than its 4 KiB header');
  const header = new Headers(new Readers(first), 0);
  if (!header.checkMagic()) throw new InputError('evtx: not an EVTX file (no ElfFile signature)');
  if (!header.verify()) throw new InputError('evtx: the file header is corrupt (checksum mismatch)');
  if (header.headerChunkSize() !== FILE_HEADER_BYTES)
    throw new InputError(`evtx: unexpected header size ${header.headerChunkSize()}`);
  const count = header.chunkCount();
  let index = 0;
  for (let n = 0; n < count; n++) {
    const bytes = await blocks.next(CHUNK_BYTES);
    if (bytes === undefined || bytes.length < CHUNK_BYTES) {
      yield {
        kind: 'error',
        index: index + 1,
        message: `evtx: the file is truncated: chunk ${n + 1} of ${count} is ${bytes === undefined ? 'missing' : 'incomplete'}`,
      };
      return;
    }
    for (const r of chunkRecords(bytes, n + 1)) {
      index++;
      yield r.kind === 'record'
        ? { kind: 'record', index, xml: r.xml }
        : { kind: 'error', index, message: r.message };
    }
  }
  // Chunks past the header's count hold no live records (python-evtx and Event Viewer agree).
  await blocks.drain();
}

type ChunkRecord = { kind: 'record'; xml: string } | { kind: 'error'; message: string };

function* chunkRecords(bytes: Uint8Array, number: number): Generator<ChunkRecord> {
  let chunk: Chunk;
  try {
    chunk = new Chunks(new Readers(bytes), 0);
  } catch (error) {
    yield { kind: 'error', message: `evtx: chunk ${number} is unreadable (${messageOf(error)})` };
    return;
  }
  if (!chunk.checkMagic()) {
    yield { kind: 'error', message: `evtx: chunk ${number} is corrupt (no ElfChnk signature)` };
    return;
  }
  const records = chunk.records()[Symbol.iterator]();
  for (;;) {
    let next: IteratorResult<EvtxRecord>;
    try {
      next = records.next();
    } catch (error) {
      yield { kind: 'error', message: `evtx: chunk ${number}: ${messageOf(error)}` };
      return;
    }
    if (next.done) return;
    try {
      yield { kind: 'record', xml: next.value.renderXml() };
    } catch (error) {
      yield { kind: 'error', message: messageOf(error) };
    }
  }
}

/** Cuts a byte stream into blocks of the requested sizes, copying only across chunk edges. */
function fixedBlocks(chunks: AsyncIterable<Uint8Array>) {
  const iterator = chunks[Symbol.asyncIterator]();
  let current: Uint8Array = new Uint8Array(0);
  let offset = 0;
  let ended = false;
  return {
    async next(size: number): Promise<Uint8Array | undefined> {
      if (current.length - offset >= size) {
        offset += size;
        return current.subarray(offset - size, offset);
      }
      const out = new Uint8Array(size);
      let filled = current.length - offset;
      out.set(current.subarray(offset), 0);
      current = new Uint8Array(0);
      offset = 0;
      while (filled < size && !ended) {
        const next = await iterator.next();
        if (next.done) {
          ended = true;
          break;
        }
        const take = Math.min(size - filled, next.value.length);
        out.set(next.value.subarray(0, take), filled);
        filled += take;
        if (take < next.value.length) {
          current = next.value;
          offset = take;
        }
      }
      if (filled === 0) return undefined;
      return filled < size ? out.subarray(0, filled) : out;
    },
    async drain(): Promise<void> {
      while (!ended && !(await iterator.next()).done) {}
      ended = true;
    },
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Decodes every record of an EVTX file held in memory. */
export async function* readEvtxBytes(bytes: Uint8Array): AsyncGenerator<EvtxRecordResult> {
  yield* readEvtxStream(
    (async function* () {
      yield bytes;
    })(),
  );
}

export function readEvtxFile(path: string): AsyncGenerator<EvtxRecordResult> {
  return readEvtxStream(readFileChunks(path));
}
