import { BinaryReader, ChunkHeader, FileHeader } from '@ts-evtx/core';
import { ActualTemplateNode } from '@ts-evtx/core/dist/src/evtx/ActualTemplateNode.js';
import { VariantValueParser } from '@ts-evtx/core/dist/src/evtx/VariantValueParser.js';
import { InputError } from '../input-error.js';
import type { EvtxRecordResult } from '../read-events.js';
import { readFileChunks } from './files.js';

/**
 * EVTX decoding through @ts-evtx/core (records rendered with renderXml(); its high-level
 * evtx() helper returns wrong event ids). An EVTX file is a 4 KiB header followed by
 * self-contained 64 KiB chunks (each with its own string and template tables), so the file is
 * decoded as a stream, one chunk in memory at a time: no temporary file, constant memory,
 * and a corrupt chunk costs only its own records. Node only: the library imports fs.
 *
 * The library's BinXML structure (templates, names, nested BinXml fragments) is sound, but its
 * substitution values are not: it reads a BOOL as 1 byte where BinXML stores 4 (and a 64-bit
 * SizeT as 4), then moves on by the bytes it read rather than the size the record declares, so
 * every value after the first boolean of a record was decoded from the wrong offset (Sysmon 3's
 * DestinationIp came out as `輀ⷲ㄀…`). It also renders SYSTEMTIME in the local time zone, FILETIME
 * to the millisecond, SID authorities with 32-bit arithmetic, GUIDs in upper case, and arrays
 * other than strings as byte lists. So every substitution value is decoded here, from exactly
 * the bytes its declaration gives (`renderEvtxValue`), by patching the library's one value
 * parser (`patchLibraryValues`); only nested BinXml fragments are still rendered by the library.
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

/** BinXML value types (MS-EVEN6 2.2.12 and [MS-EVEN6] "Value type"); 0x80 marks an array. */
const T = {
  Null: 0x00,
  WString: 0x01,
  AnsiString: 0x02,
  Int8: 0x03,
  UInt8: 0x04,
  Int16: 0x05,
  UInt16: 0x06,
  Int32: 0x07,
  UInt32: 0x08,
  Int64: 0x09,
  UInt64: 0x0a,
  Real32: 0x0b,
  Real64: 0x0c,
  Bool: 0x0d,
  Binary: 0x0e,
  Guid: 0x0f,
  SizeT: 0x10,
  FileTime: 0x11,
  SystemTime: 0x12,
  Sid: 0x13,
  HexInt32: 0x14,
  HexInt64: 0x15,
  BinXml: 0x21,
  Array: 0x80,
} as const;

/** Bytes of one item of each fixed-size type (SizeT takes the size its declaration gives). */
const FIXED_SIZE: Readonly<Record<number, number>> = {
  [T.Int8]: 1,
  [T.UInt8]: 1,
  [T.Int16]: 2,
  [T.UInt16]: 2,
  [T.Int32]: 4,
  [T.UInt32]: 4,
  [T.Int64]: 8,
  [T.UInt64]: 8,
  [T.Real32]: 4,
  [T.Real64]: 8,
  [T.Bool]: 4,
  [T.Guid]: 16,
  [T.FileTime]: 8,
  [T.SystemTime]: 16,
  [T.HexInt32]: 4,
  [T.HexInt64]: 8,
};

/**
 * The text of one BinXML substitution value, from exactly its declared bytes, as python-evtx
 * renders it except where Windows' own rendering (what Event Viewer, wevtutil, winlogbeat and
 * NXLog show, and so what rules are written against) differs; those differences are deliberate:
 *
 * - Bool: `true`/`false` (python-evtx: `True`/`False`).
 * - HexInt32/HexInt64 and SizeT: `0x` and lower-case hex without leading zeros, as Windows
 *   (`0x1fffff`, `0x3e7`; python-evtx pads to 8/16 digits and prints SizeT in decimal).
 * - Binary and types this decoder does not know: upper-case hex (python-evtx: base64).
 * - FILETIME/SYSTEMTIME: ISO 8601 UTC with 7 fractional digits, `2021-11-30T22:05:50.8649217Z`,
 *   as Windows writes `SystemTime` (python-evtx: `2021-11-30 22:05:50.864922`, zone-less and
 *   rounded through a float, a few µs off; its SYSTEMTIME puts milliseconds in the microseconds).
 * - SID: an identifier authority of 2^32 or more is written in hex, as ConvertSidToStringSid.
 * - Arrays: the items joined by `,` (Windows repeats the element once per item; python-evtx
 *   supports only string arrays, as `<string>` pseudo-elements).
 *
 * Strings lose trailing NULs only (the library's XML writer then drops C0/C1 control characters,
 * as python-evtx does except for U+0085); GUIDs are lower-case in braces, as python-evtx and
 * Windows write EventData GUIDs; floats print as Python's repr.
 */
export function renderEvtxValue(type: number, bytes: Uint8Array): string {
  if (type & T.Array) return renderArray(type & ~T.Array, bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const need = FIXED_SIZE[type];
  if (need !== undefined && bytes.length < need)
    throw new Error(`evtx: a value of type 0x${hex2(type)} has ${bytes.length} bytes, not ${need}`);
  switch (type) {
    case T.Null:
      return '';
    case T.WString:
      return utf16(bytes).replace(/\0+$/, '');
    case T.AnsiString:
      return ansi(bytes).replace(/\0+$/, '');
    case T.Int8:
      return String(view.getInt8(0));
    case T.UInt8:
      return String(view.getUint8(0));
    case T.Int16:
      return String(view.getInt16(0, true));
    case T.UInt16:
      return String(view.getUint16(0, true));
    case T.Int32:
      return String(view.getInt32(0, true));
    case T.UInt32:
      return String(view.getUint32(0, true));
    case T.Int64:
      return String(view.getBigInt64(0, true));
    case T.UInt64:
      return String(view.getBigUint64(0, true));
    case T.Real32:
      return pythonFloat(view.getFloat32(0, true));
    case T.Real64:
      return pythonFloat(view.getFloat64(0, true));
    case T.Bool:
      return view.getUint32(0, true) === 0 ? 'false' : 'true';
    case T.Guid:
      return guid(bytes);
    case T.SizeT:
      if (bytes.length === 4) return `0x${view.getUint32(0, true).toString(16)}`;
      if (bytes.length >= 8) return `0x${view.getBigUint64(0, true).toString(16)}`;
      throw new Error(`evtx: a SizeT value has ${bytes.length} bytes`);
    case T.FileTime:
      return fileTime(view.getBigUint64(0, true));
    case T.SystemTime:
      return systemTime(view);
    case T.Sid:
      return sid(bytes).text;
    case T.HexInt32:
      return `0x${view.getUint32(0, true).toString(16)}`;
    case T.HexInt64:
      return `0x${view.getBigUint64(0, true).toString(16)}`;
    default:
      return hexUpper(bytes); // Binary (0x0e), EvtHandle, EvtXml and anything newer
  }
}

function renderArray(type: number, bytes: Uint8Array): string {
  const items: string[] = [];
  if (type === T.WString || type === T.AnsiString) {
    // NUL-terminated items back to back.
    const text = type === T.WString ? utf16(bytes) : ansi(bytes);
    if (text === '') return '';
    return (text.endsWith('\0') ? text.slice(0, -1) : text).split('\0').join(',');
  }
  if (type === T.Sid) {
    for (let at = 0; at < bytes.length; ) {
      const one = sid(bytes.subarray(at));
      items.push(one.text);
      at += one.length;
    }
    return items.join(',');
  }
  const size = FIXED_SIZE[type];
  if (size === undefined) return hexUpper(bytes);
  for (let at = 0; at + size <= bytes.length; at += size)
    items.push(renderEvtxValue(type, bytes.subarray(at, at + size)));
  return items.join(',');
}

const UTF16 = new TextDecoder('utf-16le');
const ANSI = new TextDecoder('windows-1252');

function utf16(bytes: Uint8Array): string {
  return UTF16.decode(bytes.length % 2 === 0 ? bytes : bytes.subarray(0, bytes.length - 1));
}

function ansi(bytes: Uint8Array): string {
  return ANSI.decode(bytes);
}

function hex2(byte: number): string {
  return byte.toString(16).padStart(2, '0');
}

function hexUpper(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += hex2(b);
  return out.toUpperCase();
}

/** `{00112233-4455-6677-8899-aabbccddeeff}`: the first three fields little-endian. */
function guid(b: Uint8Array): string {
  const h = (i: number) => hex2(b[i] as number);
  return `{${h(3)}${h(2)}${h(1)}${h(0)}-${h(5)}${h(4)}-${h(7)}${h(6)}-${h(8)}${h(9)}-${h(10)}${h(11)}${h(12)}${h(13)}${h(14)}${h(15)}}`;
}

/** `S-1-5-21-…`: revision, count, a 48-bit big-endian authority, then 32-bit sub-authorities. */
function sid(b: Uint8Array): { text: string; length: number } {
  if (b.length < 8) throw new Error(`evtx: a SID value has ${b.length} bytes`);
  const count = b[1] as number;
  const length = 8 + 4 * count;
  if (b.length < length) throw new Error(`evtx: a SID of ${count} sub-authorities has ${b.length} bytes`);
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const authority = view.getUint16(2) * 2 ** 32 + view.getUint32(4);
  let text = `S-${b[0]}-${authority < 2 ** 32 ? authority : `0x${hexUpper(b.subarray(2, 8))}`}`;
  for (let i = 0; i < count; i++) text += `-${view.getUint32(8 + 4 * i, true)}`;
  return { text, length };
}

const FILETIME_UNIX_EPOCH = 116_444_736_000_000_000n; // 100 ns ticks from 1601 to 1970

/** 100-nanosecond ticks since 1601-01-01 UTC, to the tick. */
function fileTime(ticks: bigint): string {
  const sinceUnix = ticks - FILETIME_UNIX_EPOCH;
  let seconds = sinceUnix / 10_000_000n;
  let fraction = sinceUnix % 10_000_000n;
  if (fraction < 0n) {
    seconds -= 1n;
    fraction += 10_000_000n;
  }
  const date = new Date(Number(seconds) * 1000);
  if (Number.isNaN(date.getTime())) throw new Error(`evtx: FILETIME ${ticks} is out of range`);
  return `${date.toISOString().slice(0, -5)}.${String(fraction).padStart(7, '0')}Z`;
}

/** SYSTEMTIME: year, month, day of week, day, hour, minute, second, milliseconds (UTC). */
function systemTime(view: DataView): string {
  const f = (i: number) => view.getUint16(2 * i, true);
  const n2 = (v: number) => String(v).padStart(2, '0');
  const date = `${String(f(0)).padStart(4, '0')}-${n2(f(1))}-${n2(f(3))}`;
  return `${date}T${n2(f(4))}:${n2(f(5))}:${n2(f(6))}.${String(f(7)).padStart(3, '0')}0000Z`;
}

/** Python's repr of a float: shortest round-trip digits, exponent below 1e-4 and from 1e16. */
function pythonFloat(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const [mantissa = '', exp = '0'] = value.toExponential().split('e');
  const exponent = Number(exp);
  if (exponent < -4 || exponent >= 16) {
    return `${mantissa}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  const text = String(value); // JS switches to exponents only outside 1e-7..1e21
  return text.includes('.') ? text : `${text}.0`;
}

/**
 * Routes the library's substitution values through renderEvtxValue. Its parser is called with
 * the declared size for every substitution (top-level and in nested BinXml); without a size it
 * reads the length-prefixed text of template literals, which it does right. The rendered text
 * is carried to the library's XML writer in a Rendered box, which it would otherwise format again.
 */
class Rendered {
  constructor(readonly text: string) {}
}
interface ByteReader {
  tell(): number;
  seek(offset: number): void;
  bytesAt(offset: number, length: number): Uint8Array;
}
interface ValueParser {
  r: ByteReader;
  parse(type: number, expectedLength?: number): { value: unknown; consumedBytes: number };
}
interface TemplateRenderer {
  formatValueForXml(value: unknown, valueType: number): string;
}

function patchLibraryValues(): void {
  const parser = (VariantValueParser as unknown as { prototype: ValueParser }).prototype;
  const renderer = (ActualTemplateNode as unknown as { prototype: TemplateRenderer }).prototype;
  if (typeof parser?.parse !== 'function' || typeof renderer?.formatValueForXml !== 'function')
    throw new Error('evtx: @ts-evtx/core changed shape: its value parser can no longer be corrected');
  const parse = parser.parse;
  parser.parse = function (this: ValueParser, type: number, expectedLength?: number) {
    if (expectedLength === undefined || (type === T.BinXml && expectedLength > 0))
      return parse.call(this, type, expectedLength);
    const start = this.r.tell();
    const bytes = this.r.bytesAt(start, expectedLength);
    this.r.seek(start + expectedLength);
    return {
      value: new Rendered(type === T.BinXml ? '' : renderEvtxValue(type, bytes)),
      consumedBytes: expectedLength,
    };
  };
  const format = renderer.formatValueForXml;
  renderer.formatValueForXml = function (this: TemplateRenderer, value: unknown, valueType: number) {
    return value instanceof Rendered ? value.text : format.call(this, value, valueType);
  };
}
patchLibraryValues();

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

const LIBRARY_PLACEHOLDER = /\[(?:SUBSTITUTION:\d+|BXML_DATA)\]/;

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
    let xml: string;
    try {
      xml = next.value.renderXml();
    } catch (error) {
      yield { kind: 'error', message: `evtx: chunk ${number}: ${messageOf(error)}` };
      continue;
    }
    // The library logs and swallows some failures, leaving these markers in the XML instead.
    const unresolved = xml === '<Event/>' ? 'no template' : LIBRARY_PLACEHOLDER.exec(xml)?.[0];
    yield unresolved === undefined
      ? { kind: 'record', xml }
      : { kind: 'error', message: `evtx: chunk ${number}: a record could not be rendered (${unresolved})` };
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
