import { describe, expect, it } from 'vitest';
import { isPermalinkId, permalinkId, snapshotHash } from './permalink-id.js';

describe('permalink ids', () => {
  const key = new Uint8Array(32).fill(7);

  it('are 16 base-62 characters, stable for a hash and key', () => {
    const hash = snapshotHash('{"v":1}');
    expect(hash).toBe('afbf9d0f3560b0fd7795e81c42a0a79ee6b6fc67e064f77826aee642cad28d91');
    const id = permalinkId(key, hash);
    expect(id).toMatch(/^[0-9A-Za-z]{16}$/);
    expect(permalinkId(key, hash)).toBe(id);
    expect(isPermalinkId(id)).toBe(true);
  });

  it('depend on the key, so another server cannot predict them', () => {
    const hash = snapshotHash('{"v":1}');
    expect(permalinkId(new Uint8Array(32).fill(8), hash)).not.toBe(permalinkId(key, hash));
    expect(permalinkId(key, snapshotHash('{"v":2}'))).not.toBe(permalinkId(key, hash));
  });

  it('rejects anything else as an id', () => {
    for (const bad of ['', 'abc', '../../etc/passwd', 'A'.repeat(17), 'AAAAAAAAAAAAAAA-', 'ÄAAAAAAAAAAAAAAA'])
      expect(isPermalinkId(bad)).toBe(false);
  });
});
