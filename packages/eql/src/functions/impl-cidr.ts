/**
 * `cidrMatch(ip, cidr, …)` for IPv4 and IPv6, as Elasticsearch's `CIDRUtils` and Lucene's ip
 * field do it: every address is encoded on 16 bytes, an IPv4 address as its IPv4-mapped IPv6
 * form (`::ffff:a.b.c.d`), so IPv4 values fall inside IPv6 blocks that cover the mapped range
 * (CIDRUtilsTests: `127.0.0.1` is in `::1/64`). A bare address in the list means a single host.
 * Parsing follows `InetAddresses.forString` / `parseCidr`, with their messages.
 */

import { EvaluationFailure } from '../evaluate/errors.js';
import type { EqlValue } from '../evaluate/values.js';
import type { FunctionImpl } from './impl-types.js';

function parseIPv4(text: string): Uint8Array | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const bytes = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const part = parts[i] as string;
    // Leading zeros are refused: decimal or octal would be ambiguous (InetAddresses.parseOctet).
    if (!/^\d{1,3}$/.test(part) || (part.length > 1 && part.startsWith('0'))) return undefined;
    const value = Number(part);
    if (value > 255) return undefined;
    bytes[i] = value;
  }
  return bytes;
}

function parseIPv6(text: string): Uint8Array | undefined {
  let body = text;
  const zone = body.indexOf('%');
  if (zone >= 0) body = body.slice(0, zone);
  let tail: Uint8Array | undefined;
  const lastColon = body.lastIndexOf(':');
  if (body.slice(lastColon + 1).includes('.')) {
    tail = parseIPv4(body.slice(lastColon + 1));
    if (tail === undefined) return undefined;
    body = `${body.slice(0, lastColon + 1)}0:0`;
  }
  const halves = body.split('::');
  if (halves.length > 2) return undefined;
  const groups = (half: string): string[] => (half === '' ? [] : half.split(':'));
  const head = groups(halves[0] as string);
  const rest = halves.length === 2 ? groups(halves[1] as string) : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const all = [...head, ...new Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...rest];
  const bytes = new Uint8Array(16);
  for (let i = 0; i < 8; i++) {
    const group = all[i] as string;
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return undefined;
    const value = Number.parseInt(group, 16);
    bytes[i * 2] = value >> 8;
    bytes[i * 2 + 1] = value & 0xff;
  }
  if (tail !== undefined) bytes.set(tail, 12);
  return bytes;
}

/** The 16-byte form of an IPv4 or IPv6 address (IPv4 as `::ffff:a.b.c.d`); undefined when invalid. */
export function parseIp(text: string): Uint8Array | undefined {
  if (!text.includes(':')) {
    const v4 = parseIPv4(text);
    if (v4 === undefined) return undefined;
    const mapped = new Uint8Array(16);
    mapped[10] = 0xff;
    mapped[11] = 0xff;
    mapped.set(v4, 12);
    return mapped;
  }
  return parseIPv6(text);
}

/** Whether 16 address bytes are an IPv4-mapped address (Java hands those back as IPv4). */
function isMappedIPv4(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
}

export interface CidrBlock {
  /** The block's address, 16 bytes. */
  readonly bytes: Uint8Array;
  /** Prefix length over the 16 bytes (an IPv4 `/8` is 104 here). */
  readonly prefix: number;
}

/** A block, or Elasticsearch's reason for refusing `text`. */
export function parseCidrOrReason(text: string): CidrBlock | string {
  const notIp = (address: string): string => `'${address}' is not an IP string literal.`;
  if (!text.includes('/')) {
    const bytes = parseIp(text);
    return bytes === undefined ? notIp(text) : { bytes, prefix: 128 };
  }
  const fields = text.split('/');
  // Java's String.split drops trailing empty strings: "1.2.3.4/" has one field.
  while (fields.length > 1 && fields[fields.length - 1] === '') fields.pop();
  if (fields.length !== 2) return `Expected [ip/prefix] but was [${text}]`;
  const [addressText = '', prefixText = ''] = fields;
  const bytes = parseIp(addressText);
  if (bytes === undefined) return notIp(addressText);
  const v4 = isMappedIPv4(bytes);
  if (v4 && addressText.includes(':')) {
    return (
      `CIDR notation is not allowed with IPv6-mapped IPv4 address [${addressText} as it introduces ambiguity ` +
      'as to whether the prefix length should be interpreted as a v4 prefix length or a v6 prefix length'
    );
  }
  // Integer.parseInt: optional sign, decimal digits, 32-bit range.
  if (!/^[+-]?\d+$/.test(prefixText) || Math.abs(Number(prefixText)) > 2_147_483_647) {
    return `For input string: "${prefixText}"`;
  }
  const prefix = Number(prefixText);
  if (prefix < 0 || prefix > (v4 ? 32 : 128)) {
    return `Illegal prefix length [${prefix}] in [${text}]. Must be 0-32 for IPv4 ranges, 0-128 for IPv6 ranges`;
  }
  return { bytes, prefix: v4 ? prefix + 96 : prefix };
}

/** Parses `address/prefix` (or a bare address); undefined when invalid. */
export function parseCidr(text: string): CidrBlock | undefined {
  const block = parseCidrOrReason(text);
  return typeof block === 'string' ? undefined : block;
}

export function inBlock(address: Uint8Array, block: CidrBlock): boolean {
  let remaining = block.prefix;
  for (let i = 0; remaining > 0; i++, remaining -= 8) {
    const mask = remaining >= 8 ? 0xff : (0xff << (8 - remaining)) & 0xff;
    if (((address[i] as number) & mask) !== ((block.bytes[i] as number) & mask)) return false;
  }
  return true;
}

function blocksOf(values: readonly EqlValue[]): CidrBlock[] {
  return values.map((value) => {
    if (typeof value !== 'string')
      throw new EvaluationFailure(`A string/char is required; received [${String(value)}]`);
    const block = parseCidrOrReason(value);
    if (typeof block === 'string') throw new EvaluationFailure(block);
    return block;
  });
}

export const cidrMatch: FunctionImpl = {
  name: 'cidrMatch',
  resultType: () => 'boolean',
  evaluate([input = null, ...cidrs]) {
    if (input === null) return null;
    if (typeof input !== 'string')
      throw new EvaluationFailure(`A string/char is required; received [${String(input)}]`);
    const blocks = blocksOf(cidrs);
    const address = parseIp(input);
    if (address === undefined) return false;
    return blocks.some((block) => inBlock(address, block));
  },
  fieldFilter(constants) {
    const blocks = blocksOf(constants);
    return (value) => {
      if (typeof value !== 'string') return false;
      const address = parseIp(value);
      return address !== undefined && blocks.some((block) => inBlock(address, block));
    };
  },
};
