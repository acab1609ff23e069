/**
 * `cidrMatch(ip, cidr, …)` for IPv4 and IPv6. Addresses are compared as bytes under the
 * prefix mask; IPv4-mapped IPv6 addresses (`::ffff:1.2.3.4`) count as IPv4, as Java's
 * `InetAddress` parsing has them. A bare address in the list means a single host.
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
    if (!/^\d{1,3}$/.test(part)) return undefined;
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

/** Parses an IPv4 or IPv6 address into 4 or 16 bytes (IPv4-mapped IPv6 collapses to 4). */
export function parseIp(text: string): Uint8Array | undefined {
  if (!text.includes(':')) return parseIPv4(text);
  const bytes = parseIPv6(text);
  if (bytes === undefined) return undefined;
  const mapped = bytes.subarray(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  return mapped ? bytes.slice(12) : bytes;
}

export interface CidrBlock {
  readonly bytes: Uint8Array;
  readonly prefix: number;
}

/** Parses `address/prefix` (or a bare address); undefined when invalid. */
export function parseCidr(text: string): CidrBlock | undefined {
  const slash = text.indexOf('/');
  const address = parseIp(slash < 0 ? text : text.slice(0, slash));
  if (address === undefined) return undefined;
  const bits = address.length * 8;
  if (slash < 0) return { bytes: address, prefix: bits };
  const prefixText = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  // An IPv4-mapped IPv6 block counts its prefix over 128 bits.
  const adjusted = text.slice(0, slash).includes(':') && address.length === 4 ? prefix - 96 : prefix;
  if (adjusted < 0 || adjusted > bits) return undefined;
  return { bytes: address, prefix: adjusted };
}

export function inBlock(address: Uint8Array, block: CidrBlock): boolean {
  if (address.length !== block.bytes.length) return false;
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
      throw new EvaluationFailure(`A string is required; received [${String(value)}]`);
    const block = parseCidr(value);
    if (block === undefined) throw new EvaluationFailure(`'${value}' is not a valid CIDR notation`);
    return block;
  });
}

export const cidrMatch: FunctionImpl = {
  name: 'cidrMatch',
  resultType: () => 'boolean',
  evaluate([input = null, ...cidrs]) {
    if (input === null) return null;
    if (typeof input !== 'string')
      throw new EvaluationFailure(`A string is required; received [${String(input)}]`);
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
