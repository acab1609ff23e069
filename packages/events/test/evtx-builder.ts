import { crc32 } from 'node:zlib';

/**
 * Writes small EVTX files for tests: one file header, one chunk, records whose BinXML is
 * described by the `Node` tree below (MS-EVEN6 2.2.12), so that the decoder can be tried on
 * what ../shared/datasets lacks (UserData, nested BinXml values, references, damage).
 * Names and templates are written inline where first used and referred to by offset after,
 * as Windows does.
 */

export type Node =
  | {
      readonly element: string;
      readonly attributes?: readonly [string, Node][];
      readonly content?: readonly Node[];
    }
  | { readonly text: string }
  | { readonly sub: number; readonly optional?: boolean }
  | { readonly charRef: number }
  | { readonly entityRef: string }
  | { readonly cdata: string };

/** A template: an id (its key when reused) and its root element. */
export interface Template {
  readonly id: number;
  readonly root: Node;
}

/** A substitution value: its BinXML type and bytes, or a nested fragment (type 0x21). */
export type Value = { readonly type: number; readonly bytes: Uint8Array } | Fragment;
export interface Fragment {
  readonly template: Template;
  readonly values: readonly Value[];
}

export const utf16z = (text: string): Uint8Array => new Uint8Array(Buffer.from(`${text}\0`, 'utf16le'));
export const wstring = (text: string): Value => ({ type: 0x01, bytes: utf16z(text) });
export const uint16 = (n: number): Value => ({ type: 0x06, bytes: Uint8Array.of(n & 0xff, n >> 8) });
export const bool = (b: boolean): Value => ({ type: 0x0d, bytes: Uint8Array.of(b ? 1 : 0, 0, 0, 0) });

export class ChunkWriter {
  private readonly bytes = new Uint8Array(0x10000);
  private readonly view = new DataView(this.bytes.buffer);
  private pos = 0x200;
  private readonly names = new Map<string, number>();
  private readonly templates = new Map<number, number>();
  private records = 0;
  private lastRecord = 0x200;

  /** Appends one record; `mutate` may damage the record's bytes (offsets from its start). */
  record(fragment: Fragment, mutate?: (bytes: Uint8Array) => void): this {
    const start = this.pos;
    this.records++;
    this.u32(0x2a2a);
    this.u32(0); // size, patched below
    this.u64(this.records);
    this.u64(0);
    this.fragment(fragment);
    const size = this.pos + 4 - start;
    this.u32(size);
    this.view.setUint32(start + 4, size, true);
    this.lastRecord = start;
    mutate?.(this.bytes.subarray(start, this.pos));
    return this;
  }

  /** The whole file: a header block of 4 KiB and this chunk. */
  file(): Uint8Array {
    const chunk = this.bytes;
    const cv = this.view;
    chunk.set(Buffer.from('ElfChnk\0', 'latin1'), 0);
    cv.setBigUint64(0x08, 1n, true);
    cv.setBigUint64(0x10, BigInt(this.records), true);
    cv.setBigUint64(0x18, 1n, true);
    cv.setBigUint64(0x20, BigInt(this.records), true);
    cv.setUint32(0x28, 0x80, true);
    cv.setUint32(0x2c, this.lastRecord, true);
    cv.setUint32(0x30, this.pos, true);
    cv.setUint32(0x34, crc32(chunk.subarray(0x200, this.pos)), true);
    const headerBytes = new Uint8Array(0x78 + 0x180);
    headerBytes.set(chunk.subarray(0, 0x78), 0);
    headerBytes.set(chunk.subarray(0x80, 0x200), 0x78);
    cv.setUint32(0x7c, crc32(headerBytes), true);

    const out = new Uint8Array(0x1000 + 0x10000);
    const hv = new DataView(out.buffer);
    out.set(Buffer.from('ElfFile\0', 'latin1'), 0);
    hv.setBigUint64(0x18, BigInt(this.records + 1), true);
    hv.setUint32(0x20, 0x80, true);
    hv.setUint16(0x24, 1, true);
    hv.setUint16(0x26, 3, true);
    hv.setUint16(0x28, 0x1000, true);
    hv.setUint16(0x2a, 1, true);
    hv.setUint32(0x7c, crc32(out.subarray(0, 0x78)), true);
    out.set(chunk, 0x1000);
    return out;
  }

  private fragment(fragment: Fragment): void {
    this.raw([0x0f, 0x01, 0x01, 0x00]);
    const instance = this.pos;
    const known = this.templates.get(fragment.template.id);
    this.raw([0x0c, 0x01]);
    this.u32(fragment.template.id);
    if (known !== undefined) this.u32(known);
    else {
      const at = instance + 10;
      this.templates.set(fragment.template.id, at);
      this.u32(at);
      this.u32(0); // next template in the hash bucket
      this.u32(fragment.template.id);
      this.raw(new Array(12).fill(0)); // rest of the GUID
      const lengthAt = this.pos;
      this.u32(0);
      const dataStart = this.pos;
      this.raw([0x0f, 0x01, 0x01, 0x00]);
      this.node(fragment.template.root);
      this.raw([0x00]);
      this.view.setUint32(lengthAt, this.pos - dataStart, true);
    }
    // The substitution array: the count, a (size, type) declaration per value, then the values;
    // a nested fragment is written in place, where its own offsets point, and measured after.
    this.u32(fragment.values.length);
    const declarations = this.pos;
    this.pos += 4 * fragment.values.length;
    fragment.values.forEach((v, i) => {
      const start = this.pos;
      if ('template' in v) this.fragment(v);
      else this.raw(v.bytes);
      this.view.setUint16(declarations + 4 * i, this.pos - start, true);
      this.bytes[declarations + 4 * i + 2] = 'template' in v ? 0x21 : v.type;
    });
  }

  private node(node: Node): void {
    if ('element' in node) {
      const attributes = node.attributes ?? [];
      this.raw([attributes.length > 0 ? 0x41 : 0x01]);
      this.u16(0xffff);
      const sizeAt = this.pos;
      this.u32(0);
      this.name(node.element);
      if (attributes.length > 0) {
        const listAt = this.pos;
        this.u32(0);
        attributes.forEach(([name, value], i) => {
          this.raw([i < attributes.length - 1 ? 0x46 : 0x06]);
          this.name(name);
          this.node(value);
        });
        this.view.setUint32(listAt, this.pos - listAt - 4, true);
      }
      if (node.content === undefined) this.raw([0x03]);
      else {
        this.raw([0x02]);
        for (const c of node.content) this.node(c);
        this.raw([0x04]);
      }
      this.view.setUint32(sizeAt, this.pos - sizeAt - 8, true);
    } else if ('text' in node) {
      this.raw([0x05, 0x01]);
      this.u16(node.text.length);
      this.raw(Buffer.from(node.text, 'utf16le'));
    } else if ('sub' in node) {
      this.raw([node.optional ? 0x0e : 0x0d]);
      this.u16(node.sub);
      this.raw([0x01]);
    } else if ('charRef' in node) {
      this.raw([0x08]);
      this.u16(node.charRef);
    } else if ('entityRef' in node) {
      this.raw([0x09]);
      this.name(node.entityRef);
    } else {
      this.raw([0x07]);
      this.u16(node.cdata.length);
      this.raw(Buffer.from(node.cdata, 'utf16le'));
    }
  }

  /** A name: its offset, then the name itself when this is its first use. */
  private name(name: string): void {
    const known = this.names.get(name);
    if (known !== undefined) {
      this.u32(known);
      return;
    }
    const at = this.pos + 4;
    this.names.set(name, at);
    this.u32(at);
    this.u32(0); // next name in the hash bucket
    this.u16(0); // hash (unused by readers)
    this.u16(name.length);
    this.raw(Buffer.from(`${name}\0`, 'utf16le'));
  }

  private raw(bytes: ArrayLike<number>): void {
    this.bytes.set(bytes, this.pos);
    this.pos += bytes.length;
  }
  private u16(n: number): void {
    this.view.setUint16(this.pos, n, true);
    this.pos += 2;
  }
  private u32(n: number): void {
    this.view.setUint32(this.pos, n, true);
    this.pos += 4;
  }
  private u64(n: number): void {
    this.view.setBigUint64(this.pos, BigInt(n), true);
    this.pos += 8;
  }
}
