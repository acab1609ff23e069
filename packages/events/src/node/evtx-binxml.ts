import { setOwn } from '../json-value.js';
import type { XmlElement } from '../windows/xml.js';
import { type ByteSource, byteSource, decodeValue, FIXED_SIZE, T } from './evtx-values.js';

/**
 * One EVTX chunk (64 KiB: a header, string and template tables, then records) decoded from
 * BinXML straight to element trees (MS-EVEN6 2.2.12; python-evtx's Nodes.py is the reference
 * read for the details). No XML text is written and parsed again on the way: each template is
 * compiled once per chunk, where every record that uses it finds it, into elements whose text
 * and attribute values are literals or substitution indexes; a record is then its substitution
 * values poured into that shape.
 *
 * Rendering follows python-evtx: every element of a template is kept, even when its optional
 * substitution is empty; values lose C0/C1 control characters other than tab, CR and LF (as
 * XML writers drop them); a BinXml value is decoded in place as child elements. Processing
 * instructions, which Windows never writes into events, are skipped.
 */

const TOKEN = {
  EndOfStream: 0x00,
  OpenStartElement: 0x01,
  CloseStartElement: 0x02,
  CloseEmptyElement: 0x03,
  EndElement: 0x04,
  Value: 0x05,
  Attribute: 0x06,
  CData: 0x07,
  CharRef: 0x08,
  EntityRef: 0x09,
  PITarget: 0x0a,
  PIData: 0x0b,
  TemplateInstance: 0x0c,
  NormalSubstitution: 0x0d,
  OptionalSubstitution: 0x0e,
  FragmentHeader: 0x0f,
} as const;
/** The high bit of a token's nibble pair: an element with attributes, or more data to follow. */
const HAS_MORE = 0x40;

const CHUNK_HEADER_BYTES = 0x200;
const RECORD_HEADER_BYTES = 24;
const RECORD_MAGIC = 0x0000_2a2a;
/** Nested BinXml values deeper than this are refused rather than followed. */
const MAX_DEPTH = 32;

/** Literal text, or the index of a substitution value. */
type Part = string | number;
interface CompiledAttribute {
  readonly name: string;
  readonly value: readonly Part[];
}
interface CompiledElement {
  readonly name: string;
  readonly attributes: readonly CompiledAttribute[];
  readonly content: readonly (Part | CompiledElement)[];
}
/** A substitution value: text, or the elements of a nested BinXml fragment. */
type Value = string | readonly XmlElement[];

export type ChunkRecord =
  | { readonly kind: 'record'; readonly element: XmlElement }
  | { readonly kind: 'error'; readonly message: string };

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]/g;
const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export class EvtxChunk {
  private readonly src: ByteSource;
  private readonly names = new Map<number, string>();
  private readonly templates = new Map<number, CompiledElement>();
  /** Where the token being compiled starts; compiling is recursive descent over this cursor. */
  private pos = 0;

  constructor(bytes: Uint8Array) {
    this.src = byteSource(bytes);
  }

  /** Whether the chunk starts with its `ElfChnk\0` signature. */
  hasSignature(): boolean {
    return this.src.buffer.toString('latin1', 0, 8) === 'ElfChnk\0';
  }

  /**
   * The records between the chunk header and the chunk's free space, in order. A record
   * without its signature, or one that overruns the chunk, ends the chunk (what follows it
   * cannot be found); a record that does not decode is an error and the next is read. The chunk
   * header says how many records it holds (first and last record numbers): when the walk ends
   * short of that, the loss is reported with the count of records not read, never silently
   * (a zeroed size field used to end the chunk as if it were its free space).
   */
  *records(): Generator<ChunkRecord> {
    const bytes = this.src.bytes;
    const end = Math.min(this.u32(0x30), bytes.length);
    const first = this.u64(0x08);
    const last = this.u64(0x10);
    const expected = last >= first ? last - first + 1 : 0;
    let read = 0;
    let at = CHUNK_HEADER_BYTES;
    for (; at + RECORD_HEADER_BYTES <= end; ) {
      const size = this.u32(at + 4);
      if (size === 0) break; // the chunk's free space (python-evtx stops here too)
      if (this.u32(at) !== RECORD_MAGIC || size < RECORD_HEADER_BYTES + 4 || at + size > bytes.length) break;
      let result: ChunkRecord;
      try {
        const element = this.fragment(at + RECORD_HEADER_BYTES, at + size - 4, 0)[0];
        result = element
          ? { kind: 'record', element }
          : { kind: 'error', message: 'a record has no element' };
      } catch (error) {
        result = { kind: 'error', message: error instanceof Error ? error.message : String(error) };
      }
      read++;
      yield result;
      at += size;
    }
    if (read < expected) {
      const missing = expected - read;
      yield {
        kind: 'error',
        message: `record ${first + read} (offset 0x${at.toString(16)}) is corrupt; ${missing} record${missing === 1 ? '' : 's'} not read`,
      };
    }
  }

  /** A BinXML fragment: a template instance and its values, or (rarely) plain elements. */
  private fragment(start: number, end: number, depth: number): XmlElement[] {
    if (depth > MAX_DEPTH) throw new Error('evtx: BinXml values are nested too deeply');
    let at = start;
    if (this.token(at, end) === TOKEN.FragmentHeader) at += 4;
    const token = this.token(at, end);
    if (token === TOKEN.TemplateInstance) {
      const templateAt = this.u32(at + 6);
      let valuesAt = at + 10;
      // A template defined here for the first time follows its instance (python-evtx's test).
      if (templateAt > at) valuesAt += 24 + this.u32(templateAt + 20);
      const template = this.template(templateAt);
      return [instantiate(template, this.substitutions(valuesAt, end, depth))];
    }
    if (token !== TOKEN.OpenStartElement)
      throw new Error(
        `evtx: unexpected BinXML token 0x${this.byte(at).toString(16)} at 0x${at.toString(16)}`,
      );
    this.pos = at;
    const out: XmlElement[] = [];
    while (this.token(this.pos, end) === TOKEN.OpenStartElement)
      out.push(instantiate(this.element(end, 0), []));
    return out;
  }

  /** The substitution array: a count, (size, type) declarations, then the values back to back. */
  private substitutions(at: number, end: number, depth: number): Value[] {
    const count = this.u32(at);
    let valueAt = at + 4 + 4 * count;
    if (valueAt > end) throw new Error(`evtx: ${count} substitutions do not fit in their record`);
    const values: Value[] = new Array(count);
    for (let i = 0; i < count; i++) {
      const size = this.src.view.getUint16(at + 4 + 4 * i, true);
      const type = this.byte(at + 6 + 4 * i);
      if (valueAt + size > end) throw new Error(`evtx: substitution ${i} runs past its record`);
      values[i] =
        type === T.BinXml
          ? size === 0
            ? []
            : this.fragment(valueAt, valueAt + size, depth + 1)
          : type === T.WString || type === T.AnsiString || type & T.Array || !(type in FIXED_SIZE)
            ? clean(decodeValue(this.src, type, valueAt, size))
            : decodeValue(this.src, type, valueAt, size);
      valueAt += size;
    }
    return values;
  }

  private template(at: number): CompiledElement {
    let template = this.templates.get(at);
    if (template === undefined) {
      const dataAt = at + 24;
      const end = dataAt + this.u32(at + 20);
      if (end > this.src.bytes.length)
        throw new Error(`evtx: the template at 0x${at.toString(16)} overruns its chunk`);
      this.pos = dataAt;
      if (this.token(this.pos, end) === TOKEN.FragmentHeader) this.pos += 4;
      if (this.token(this.pos, end) !== TOKEN.OpenStartElement)
        throw new Error(`evtx: the template at 0x${at.toString(16)} has no element`);
      template = this.element(end, 0);
      this.templates.set(at, template);
    }
    return template;
  }

  /** OpenStartElement: dependency id, size, name (inline when defined here), attributes, content. */
  private element(end: number, depth: number): CompiledElement {
    if (depth > 256) throw new Error('evtx: elements are nested too deeply');
    const start = this.pos;
    const withAttributes = (this.byte(start) & HAS_MORE) !== 0;
    const nameAt = this.u32(start + 7);
    this.pos = start + 11 + (nameAt > start ? this.nameLength(nameAt) : 0) + (withAttributes ? 4 : 0);
    const name = localName(this.name(nameAt));
    const attributes: { name: string; value: Part[] }[] = [];
    const content: (Part | CompiledElement)[] = [];
    for (;;) {
      const token = this.token(this.pos, end);
      if (token === TOKEN.Attribute) {
        const attributeAt = this.pos;
        const attributeNameAt = this.u32(attributeAt + 1);
        this.pos += 5 + (attributeNameAt > attributeAt ? this.nameLength(attributeNameAt) : 0);
        attributes.push({ name: this.name(attributeNameAt), value: [] });
      } else if (token === TOKEN.CloseEmptyElement) {
        this.pos++;
        return { name, attributes, content };
      } else if (token === TOKEN.CloseStartElement) {
        this.pos++;
        break;
      } else {
        const attribute = attributes[attributes.length - 1];
        if (!attribute) throw this.unexpected();
        attribute.value.push(this.part(end));
      }
    }
    for (;;) {
      const token = this.token(this.pos, end);
      if (token === TOKEN.EndElement) {
        this.pos++;
        return { name, attributes, content };
      }
      if (token === TOKEN.OpenStartElement) content.push(this.element(end, depth + 1));
      else if (token === TOKEN.PITarget) {
        const targetAt = this.u32(this.pos + 1);
        this.pos += 5 + (targetAt > this.pos ? this.nameLength(targetAt) : 0);
      } else if (token === TOKEN.PIData) this.pos += 3 + 2 * this.u16(this.pos + 1);
      else {
        const part = this.part(end);
        const last = content[content.length - 1];
        // Adjacent literals are joined once here rather than on every record.
        if (typeof part === 'string' && typeof last === 'string') content[content.length - 1] = last + part;
        else content.push(part);
      }
    }
  }

  /** A piece of text or attribute value: a literal, a character or entity reference, or a substitution. */
  private part(end: number): Part {
    const at = this.pos;
    switch (this.token(at, end)) {
      case TOKEN.NormalSubstitution:
      case TOKEN.OptionalSubstitution:
        this.pos = at + 4;
        return this.u16(at + 1);
      case TOKEN.Value: {
        const type = this.byte(at + 1);
        if (type === T.WString || type === T.AnsiString) {
          const length = this.u16(at + 2) * (type === T.WString ? 2 : 1);
          this.pos = at + 4 + length;
          return clean(decodeValue(this.src, type, at + 4, length));
        }
        const size = FIXED_SIZE[type];
        if (size === undefined)
          throw new Error(`evtx: a literal of type 0x${type.toString(16)} at 0x${at.toString(16)}`);
        this.pos = at + 2 + size;
        return decodeValue(this.src, type, at + 2, size);
      }
      case TOKEN.CharRef:
        this.pos = at + 3;
        return String.fromCharCode(this.u16(at + 1));
      case TOKEN.EntityRef: {
        const nameAt = this.u32(at + 1);
        this.pos = at + 5 + (nameAt > at ? this.nameLength(nameAt) : 0);
        const entity = this.name(nameAt);
        return ENTITIES[entity] ?? `&${entity};`;
      }
      case TOKEN.CData: {
        const length = 2 * this.u16(at + 1);
        this.pos = at + 3 + length;
        return clean(decodeValue(this.src, T.WString, at + 3, length));
      }
      default:
        throw this.unexpected();
    }
  }

  /** A name string: next offset, hash, character count, UTF-16 characters, a NUL. */
  private name(at: number): string {
    let name = this.names.get(at);
    if (name === undefined) {
      name = decodeValue(this.src, T.WString, at + 8, 2 * this.u16(at + 6));
      this.names.set(at, name);
    }
    return name;
  }

  private nameLength(at: number): number {
    return 10 + 2 * this.u16(at + 6);
  }

  private unexpected(): Error {
    return new Error(
      `evtx: unexpected BinXML token 0x${this.byte(this.pos).toString(16)} at 0x${this.pos.toString(16)}`,
    );
  }

  /** The token at `at` without its flag bits; reading past `end` is an error, never a silent 0. */
  private token(at: number, end: number): number {
    if (at >= end) throw new Error(`evtx: BinXML runs past its end at 0x${at.toString(16)}`);
    return this.byte(at) & 0x0f;
  }

  private byte(at: number): number {
    const value = this.src.bytes[at];
    if (value === undefined) throw new Error(`evtx: offset 0x${at.toString(16)} is outside the chunk`);
    return value;
  }

  private u16(at: number): number {
    return this.src.view.getUint16(at, true);
  }

  /** A little-endian u64 as a number (record numbers stay far below 2^53). */
  private u64(at: number): number {
    return this.u32(at) + this.u32(at + 4) * 2 ** 32;
  }

  private u32(at: number): number {
    return this.src.view.getUint32(at, true);
  }
}

function instantiate(template: CompiledElement, values: readonly Value[]): XmlElement {
  const attributes: Record<string, string> = {};
  for (const attribute of template.attributes) {
    let text = '';
    for (const part of attribute.value) {
      const value = typeof part === 'string' ? part : substitution(values, part);
      if (typeof value === 'string') text += value; // a BinXml value has no text to give here
    }
    setOwn(attributes, attribute.name, text);
  }
  const element: XmlElement = { name: template.name, attributes, children: [], text: '' };
  for (const item of template.content) {
    if (typeof item === 'string') element.text += item;
    else if (typeof item === 'number') {
      const value = substitution(values, item);
      if (typeof value === 'string') element.text += value;
      else for (const nested of value) element.children.push(nested);
    } else element.children.push(instantiate(item, values));
  }
  return element;
}

function substitution(values: readonly Value[], index: number): Value {
  const value = values[index];
  if (value === undefined) throw new Error(`evtx: substitution ${index} is missing (${values.length} given)`);
  return value;
}

function clean(text: string): string {
  return text.replace(CONTROL, '');
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}
