/**
 * BinXML substitution values (MS-EVEN6 2.2.12 "Value type") as text. Node only: UTF-16 is
 * decoded with Buffer, about five times faster than TextDecoder on the short strings events
 * are made of, and a record holds dozens of them.
 */

/** BinXML value types; 0x80 marks an array. */
export const T = {
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
export const FIXED_SIZE: Readonly<Record<number, number>> = {
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

/** One buffer seen three ways, made once per chunk so that values are read without copies. */
export interface ByteSource {
  readonly bytes: Uint8Array;
  readonly view: DataView;
  readonly buffer: Buffer;
}

export function byteSource(bytes: Uint8Array): ByteSource {
  return {
    bytes,
    view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
  };
}

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
 * Strings lose trailing NULs only (the BinXML decoder then drops C0/C1 control characters, as
 * python-evtx does except for U+0085); GUIDs are lower-case in braces, as python-evtx and
 * Windows write EventData GUIDs; floats print as Python's repr.
 */
export function renderEvtxValue(type: number, bytes: Uint8Array): string {
  return decodeValue(byteSource(bytes), type, 0, bytes.length);
}

/** renderEvtxValue over `size` bytes of `src` from `at`, without copying them. */
export function decodeValue(src: ByteSource, type: number, at: number, size: number): string {
  if (at + size > src.bytes.length)
    throw new Error(`evtx: a value of type 0x${hex2(type)} runs past the end of its chunk`);
  if (type & T.Array) return decodeArray(src, type & ~T.Array, at, size);
  const need = FIXED_SIZE[type];
  if (need !== undefined && size < need)
    throw new Error(`evtx: a value of type 0x${hex2(type)} has ${size} bytes, not ${need}`);
  const view = src.view;
  switch (type) {
    case T.Null:
      return '';
    case T.WString:
      return trimNuls(utf16(src, at, size));
    case T.AnsiString:
      return trimNuls(ANSI.decode(src.bytes.subarray(at, at + size)));
    case T.Int8:
      return String(view.getInt8(at));
    case T.UInt8:
      return String(view.getUint8(at));
    case T.Int16:
      return String(view.getInt16(at, true));
    case T.UInt16:
      return String(view.getUint16(at, true));
    case T.Int32:
      return String(view.getInt32(at, true));
    case T.UInt32:
      return String(view.getUint32(at, true));
    case T.Int64:
      return String(view.getBigInt64(at, true));
    case T.UInt64:
      return String(view.getBigUint64(at, true));
    case T.Real32:
      return pythonFloat(view.getFloat32(at, true));
    case T.Real64:
      return pythonFloat(view.getFloat64(at, true));
    case T.Bool:
      return view.getUint32(at, true) === 0 ? 'false' : 'true';
    case T.Guid:
      return guid(src.bytes, at);
    case T.SizeT:
      if (size === 4) return `0x${view.getUint32(at, true).toString(16)}`;
      if (size >= 8) return `0x${view.getBigUint64(at, true).toString(16)}`;
      throw new Error(`evtx: a SizeT value has ${size} bytes`);
    case T.FileTime:
      return fileTime(view.getUint32(at + 4, true), view.getUint32(at, true));
    case T.SystemTime:
      return systemTime(view, at);
    case T.Sid:
      return sid(src, at, size).text;
    case T.HexInt32:
      return `0x${view.getUint32(at, true).toString(16)}`;
    case T.HexInt64:
      return `0x${view.getBigUint64(at, true).toString(16)}`;
    default:
      return hexUpper(src.bytes, at, size); // Binary (0x0e), EvtHandle, EvtXml and anything newer
  }
}

function decodeArray(src: ByteSource, type: number, at: number, size: number): string {
  if (type === T.WString || type === T.AnsiString) {
    // NUL-terminated items back to back.
    const text = type === T.WString ? utf16(src, at, size) : ANSI.decode(src.bytes.subarray(at, at + size));
    if (text === '') return '';
    return (text.endsWith('\0') ? text.slice(0, -1) : text).split('\0').join(',');
  }
  const items: string[] = [];
  if (type === T.Sid) {
    for (let i = at; i < at + size; ) {
      const one = sid(src, i, at + size - i);
      items.push(one.text);
      i += one.length;
    }
    return items.join(',');
  }
  const item = FIXED_SIZE[type];
  if (item === undefined) return hexUpper(src.bytes, at, size);
  for (let i = at; i + item <= at + size; i += item) items.push(decodeValue(src, type, i, item));
  return items.join(',');
}

const ANSI = new TextDecoder('windows-1252');
const UTF16 = new TextDecoder('utf-16le');
const SURROGATE = /[\uD800-\uDFFF]/;

/** UTF-16LE, an odd last byte ignored; unpaired surrogates become U+FFFD, as TextDecoder makes them. */
function utf16(src: ByteSource, at: number, size: number): string {
  const end = at + (size & ~1);
  const text = src.buffer.toString('utf16le', at, end);
  // Buffer keeps unpaired surrogates; the rare text with any surrogate goes through TextDecoder.
  return SURROGATE.test(text) ? UTF16.decode(src.bytes.subarray(at, end)) : text;
}

function trimNuls(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0) end--;
  return end === text.length ? text : text.slice(0, end);
}

const HEX2 = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

function hex2(byte: number): string {
  return HEX2[byte & 0xff] as string;
}

function hexUpper(bytes: Uint8Array, at: number, size: number): string {
  let out = '';
  for (let i = at; i < at + size; i++) out += hex2(bytes[i] as number);
  return out.toUpperCase();
}

/** `{00112233-4455-6677-8899-aabbccddeeff}`: the first three fields little-endian. */
function guid(b: Uint8Array, at: number): string {
  const h = (i: number) => hex2(b[at + i] as number);
  return `{${h(3)}${h(2)}${h(1)}${h(0)}-${h(5)}${h(4)}-${h(7)}${h(6)}-${h(8)}${h(9)}-${h(10)}${h(11)}${h(12)}${h(13)}${h(14)}${h(15)}}`;
}

/** `S-1-5-21-…`: revision, count, a 48-bit big-endian authority, then 32-bit sub-authorities. */
function sid(src: ByteSource, at: number, size: number): { text: string; length: number } {
  if (size < 8) throw new Error(`evtx: a SID value has ${size} bytes`);
  const b = src.bytes;
  const count = b[at + 1] as number;
  const length = 8 + 4 * count;
  if (size < length) throw new Error(`evtx: a SID of ${count} sub-authorities has ${size} bytes`);
  const view = src.view;
  const authority = view.getUint16(at + 2) * 2 ** 32 + view.getUint32(at + 4);
  let text = `S-${b[at]}-${authority < 2 ** 32 ? authority : `0x${hexUpper(b, at + 2, 6)}`}`;
  for (let i = 0; i < count; i++) text += `-${view.getUint32(at + 8 + 4 * i, true)}`;
  return { text, length };
}

const FILETIME_UNIX_EPOCH = 116_444_736_000_000_000n; // 100 ns ticks from 1601 to 1970
const TICKS_PER_SECOND = 10_000_000;
/** 2^32 ticks = 429 s + 4,967,296 ticks: lets most FILETIMEs split into seconds exactly in doubles. */
const HIGH_SECONDS = 429;
const HIGH_TICKS = 4_967_296;
const UNIX_EPOCH_SECONDS = 11_644_473_600; // seconds from 1601 to 1970

/** 100-nanosecond ticks since 1601-01-01 UTC, to the tick, from the two halves of a FILETIME. */
function fileTime(high: number, low: number): string {
  let seconds: number;
  let fraction: number;
  if (high < 0x0800_0000) {
    // Until about the year 3400, high * HIGH_TICKS + low stays below 2^53: exact in doubles.
    const rest = high * HIGH_TICKS + low;
    seconds = high * HIGH_SECONDS + Math.floor(rest / TICKS_PER_SECOND) - UNIX_EPOCH_SECONDS;
    fraction = rest % TICKS_PER_SECOND;
  } else {
    const sinceUnix = ((BigInt(high) << 32n) | BigInt(low)) - FILETIME_UNIX_EPOCH;
    seconds = Number(sinceUnix / 10_000_000n);
    fraction = Number(sinceUnix % 10_000_000n);
  }
  const date = new Date(seconds * 1000);
  if (Number.isNaN(date.getTime()))
    throw new Error(`evtx: FILETIME ${(BigInt(high) << 32n) | BigInt(low)} is out of range`);
  return `${date.toISOString().slice(0, -5)}.${String(fraction).padStart(7, '0')}Z`;
}

/** SYSTEMTIME: year, month, day of week, day, hour, minute, second, milliseconds (UTC). */
function systemTime(view: DataView, at: number): string {
  const f = (i: number) => view.getUint16(at + 2 * i, true);
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
