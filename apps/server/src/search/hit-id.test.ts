import { describe, expect, it } from 'vitest';
import { hitId, ordinalOf } from './hit-id.js';

describe('hit ids', () => {
  it('numbers events from 1, as the CLI numbers lines', () => {
    expect(hitId(0)).toBe('1');
    expect(hitId(41)).toBe('42');
  });

  it('maps an id back to the store ordinal and refuses anything else', () => {
    expect(ordinalOf('1')).toBe(0);
    expect(ordinalOf('42')).toBe(41);
    for (const bad of ['0', '-1', '01', '1.5', '', 'abc', '1e3', '99999999999999999']) {
      expect(ordinalOf(bad)).toBeUndefined();
    }
  });
});
