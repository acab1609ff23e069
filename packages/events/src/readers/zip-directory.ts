import { InputError } from '../input-error.js';

/**
 * The integrity check fflate's streaming `Unzip` leaves out: each member's CRC-32, computed over
 * its inflated bytes, must equal the one the archive's central directory records. The central
 * directory sits at the end, so the last `MAX_DIRECTORY_BYTES` of the stream are kept to read it.
 */
export const MAX_DIRECTORY_BYTES = 32 * 1024 * 1024;

/** CRC-32 tables for slicing by 4: `T[k][n]` is the CRC of byte n followed by k zero bytes. */
const CRC_TABLES = (() => {
  const tables = Array.from({ length: 4 }, () => new Uint32Array(256));
  const [t0, t1, t2, t3] = tables as [Uint32Array, Uint32Array, Uint32Array, Uint32Array];
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t0[n] = c >>> 0;
  }
  for (let n = 0; n < 256; n++) {
    t1[n] = ((t0[n] as number) >>> 8) ^ (t0[(t0[n] as number) & 0xff] as number);
    t2[n] = ((t1[n] as number) >>> 8) ^ (t0[(t1[n] as number) & 0xff] as number);
    t3[n] = ((t2[n] as number) >>> 8) ^ (t0[(t2[n] as number) & 0xff] as number);
  }
  return [t0, t1, t2, t3] as const;
})();

/** A running CRC-32 (the zip/gzip polynomial), four bytes a step. */
export class Crc32 {
  private state = 0xffffffff;

  update(bytes: Uint8Array): void {
    const [t0, t1, t2, t3] = CRC_TABLES;
    let c = this.state;
    let i = 0;
    for (const end = bytes.length - 3; i < end; i += 4) {
      c ^=
        (bytes[i] as number) |
        ((bytes[i + 1] as number) << 8) |
        ((bytes[i + 2] as number) << 16) |
        ((bytes[i + 3] as number) << 24);
      c =
        (t3[c & 0xff] as number) ^
        (t2[(c >>> 8) & 0xff] as number) ^
        (t1[(c >>> 16) & 0xff] as number) ^
        (t0[c >>> 24] as number);
    }
    for (; i < bytes.length; i++) c = (t0[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8);
    this.state = c;
  }

  get value(): number {
    return (this.state ^ 0xffffffff) >>> 0;
  }
}

/** The last bytes of a stream, at most `limit` of them, plus how many came before. */
export class StreamTail {
  private readonly chunks: Uint8Array[] = [];
  private held = 0;
  total = 0;

  constructor(private readonly limit: number = MAX_DIRECTORY_BYTES) {}

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    // Copied: a producer may reuse its buffer once the next chunk is asked for.
    this.chunks.push(chunk.slice());
    this.held += chunk.length;
    this.total += chunk.length;
    while (this.chunks.length > 1 && this.held - (this.chunks[0] as Uint8Array).length >= this.limit)
      this.held -= (this.chunks.shift() as Uint8Array).length;
  }

  /** The bytes held, and the stream offset of the first of them. */
  bytes(): { readonly data: Uint8Array; readonly offset: number } {
    const data = new Uint8Array(this.held);
    let at = 0;
    for (const chunk of this.chunks) {
      data.set(chunk, at);
      at += chunk.length;
    }
    return { data, offset: this.total - this.held };
  }
}

const u16 = (b: Uint8Array, i: number) => (b[i] as number) | ((b[i + 1] as number) << 8);
const u32 = (b: Uint8Array, i: number) => (u16(b, i) | (u16(b, i + 2) << 16)) >>> 0;
const u64 = (b: Uint8Array, i: number) => u32(b, i) + u32(b, i + 4) * 2 ** 32;

/** Each file's name and recorded CRC-32, in central-directory order (directories left out). */
export function readCentralDirectory(tail: StreamTail): Array<{ name: string; crc: number }> {
  const { data, offset } = tail.bytes();
  let end = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (u32(data, i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new InputError('zip: archive is truncated or corrupt (no end of central directory)');
  let size = u32(data, end + 12);
  let start = u32(data, end + 16);
  if ((size === 0xffffffff || start === 0xffffffff) && end >= 20 && u32(data, end - 20) === 0x07064b50) {
    const record = u64(data, end - 12) - offset;
    if (record < 0 || u32(data, record) !== 0x06064b50)
      throw new InputError('zip: archive is truncated or corrupt (bad ZIP64 end record)');
    size = u64(data, record + 40);
    start = u64(data, record + 48);
  }
  const at = start - offset;
  if (at < 0) {
    throw new InputError(
      `zip: the central directory is larger than ${MAX_DIRECTORY_BYTES / 1024 / 1024} MiB; split the archive`,
    );
  }
  const decoder = new TextDecoder();
  const files: Array<{ name: string; crc: number }> = [];
  for (let i = at; i < at + size; ) {
    if (i + 46 > data.length || u32(data, i) !== 0x02014b50)
      throw new InputError('zip: archive is truncated or corrupt (bad central directory)');
    const nameLength = u16(data, i + 28);
    const name = decoder.decode(data.subarray(i + 46, i + 46 + nameLength));
    if (!name.endsWith('/')) files.push({ name, crc: u32(data, i + 16) });
    i += 46 + nameLength + u16(data, i + 30) + u16(data, i + 32);
  }
  return files;
}

/** Fails on the first member whose inflated bytes do not have the CRC-32 the directory records. */
export function checkMemberCrcs(
  members: ReadonlyArray<{ readonly name: string; readonly crc: number }>,
  tail: StreamTail,
): void {
  const recorded = new Map<string, number[]>();
  for (const file of readCentralDirectory(tail)) {
    const list = recorded.get(file.name);
    if (list) list.push(file.crc);
    else recorded.set(file.name, [file.crc]);
  }
  const hex = (n: number) => n.toString(16).padStart(8, '0');
  for (const member of members) {
    const expected = recorded.get(member.name)?.shift();
    if (expected === undefined)
      throw new InputError(`zip: member "${member.name}" is missing from the central directory`);
    if (expected !== member.crc)
      throw new InputError(
        `zip: member "${member.name}" is corrupt (CRC-32 ${hex(member.crc)}, the archive records ${hex(expected)})`,
      );
  }
}
