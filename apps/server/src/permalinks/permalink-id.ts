import { createHash, createHmac } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const PERMALINK_ID_LENGTH = 16;
const ID_PATTERN = /^[0-9A-Za-z]{16}$/;

/** SHA-256 (hex) of a snapshot's canonical JSON: equal states have equal hashes. */
export function snapshotHash(canonical: string): string {
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/**
 * The id of a permalink: 16 base-62 characters (about 95 bits) of an HMAC of the snapshot
 * hash under a key kept in the database. The same state always gets the same id on this
 * server, yet no one can compute or enumerate ids without the key.
 */
export function permalinkId(key: Uint8Array, hash: string): string {
  const digest = createHmac('sha256', key).update(hash, 'utf8').digest();
  let value = BigInt(`0x${digest.subarray(0, 16).toString('hex')}`);
  let id = '';
  for (let i = 0; i < PERMALINK_ID_LENGTH; i++) {
    id = BASE62[Number(value % 62n)] + id;
    value /= 62n;
  }
  return id;
}

export function isPermalinkId(value: string): boolean {
  return ID_PATTERN.test(value);
}
