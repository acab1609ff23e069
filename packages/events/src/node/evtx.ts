import { InputError } from '../input-error.js';
import type { EvtxRecordResult } from '../read-events.js';
import type { XmlElement } from '../windows/xml.js';
import { serializeXml } from '../windows/xml.js';
import { EvtxChunk } from './evtx-binxml.js';
import { readFileChunks } from './files.js';

export { renderEvtxValue } from './evtx-values.js';

/**
 * EVTX decoding. An EVTX file is a 4 KiB header followed by self-contained 64 KiB chunks (each
 * with its own string and template tables), so the file is decoded as a stream, one chunk in
 * memory at a time: no temporary file, constant memory, and a corrupt chunk costs only its own
 * records. Each chunk's BinXML goes straight to element trees (evtx-binxml.ts); the XML text of
 * a record is written only when someone asks for it.
 *
 * This used to be @ts-evtx/core's renderXml() then our XML parser. That library decoded
 * substitution values from the wrong offsets (it read a BOOL as 1 byte where BinXML stores 4,
 * so Sysmon 3's DestinationIp came out as `輀ⷲ㄀…`), indented the continuation lines of
 * multi-line values and dropped whitespace-only ones; patched, it also took ten times the CPU
 * of decoding here. Values are checked field by field against python-evtx, over the datasets
 * (test/evtx-fidelity.test.ts) and over written files with what they lack (evtx-binxml.test.ts).
 */

/** A decoded record: its `<Event>` element, and the same as XML text on demand. */
class DecodedRecord {
  readonly kind = 'record';
  private text: string | undefined;
  constructor(
    readonly index: number,
    readonly element: XmlElement,
  ) {}
  get xml(): string {
    this.text ??= serializeXml(this.element);
    return this.text;
  }
}

const FILE_HEADER_BYTES = 4096;
const CHUNK_BYTES = 0x10000;

export type { EvtxRecordResult };

/** Decodes an EVTX byte stream record by record, in file order; bad records are reported, not dropped. */
export async function* readEvtxStream(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<EvtxRecordResult> {
  const blocks = fixedBlocks(chunks);
  const first = await blocks.next(FILE_HEADER_BYTES);
  if (first === undefined || first.length < FILE_HEADER_BYTES)
    throw new InputError('evtx: the file is shorter than its 4 KiB header');
  const header = new DataView(first.buffer, first.byteOffset, first.byteLength);
  if (Buffer.from(first.buffer, first.byteOffset, 8).toString('latin1') !== 'ElfFile\0')
    throw new InputError('evtx: not an EVTX file (no ElfFile signature)');
  // python-evtx's checks: version 3.1 (3.2 since Windows 10 too), checksum of the first 0x78 bytes.
  const minor = header.getUint16(0x24, true);
  if (
    header.getUint16(0x26, true) !== 3 ||
    (minor !== 1 && minor !== 2) ||
    crc32(first.subarray(0, 0x78)) !== header.getUint32(0x7c, true)
  )
    throw new InputError('evtx: the file header is corrupt (checksum mismatch)');
  const headerSize = header.getUint16(0x28, true);
  if (headerSize !== FILE_HEADER_BYTES) throw new InputError(`evtx: unexpected header size ${headerSize}`);
  const count = header.getUint16(0x2a, true);
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
        ? new DecodedRecord(index, r.element)
        : { kind: 'error', index, message: r.message };
    }
  }
  // Chunks past the header's count hold no live records (python-evtx and Event Viewer agree).
  await blocks.drain();
}

type ChunkRecord = { kind: 'record'; element: XmlElement } | { kind: 'error'; message: string };

function* chunkRecords(bytes: Uint8Array, number: number): Generator<ChunkRecord> {
  const chunk = new EvtxChunk(bytes);
  if (!chunk.hasSignature()) {
    yield { kind: 'error', message: `evtx: chunk ${number} is corrupt (no ElfChnk signature)` };
    return;
  }
  for (const r of chunk.records()) {
    yield r.kind === 'record'
      ? r
      : { kind: 'error', message: `evtx: chunk ${number}: ${r.message.replace(/^evtx: /, '')}` };
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

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

/** CRC-32 (ISO-HDLC, as zlib and python's binascii.crc32), over the 120-byte file header. */
function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const b of bytes) crc = (CRC_TABLE[(crc ^ b) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
