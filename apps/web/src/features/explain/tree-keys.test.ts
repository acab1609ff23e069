import { describe, expect, it } from 'vitest';
import { nextTreeIndex } from './tree-keys.js';

describe('nextTreeIndex', () => {
  it('moves one item up or down, stopping at the ends', () => {
    expect(nextTreeIndex('ArrowDown', 0, 3)).toBe(1);
    expect(nextTreeIndex('ArrowDown', 2, 3)).toBe(2);
    expect(nextTreeIndex('ArrowUp', 1, 3)).toBe(0);
    expect(nextTreeIndex('ArrowUp', 0, 3)).toBe(0);
  });

  it('jumps to the first and last item', () => {
    expect(nextTreeIndex('Home', 2, 5)).toBe(0);
    expect(nextTreeIndex('End', 0, 5)).toBe(4);
  });

  it('ignores other keys and empty trees', () => {
    expect(nextTreeIndex('Tab', 0, 3)).toBeNull();
    expect(nextTreeIndex('ArrowDown', 0, 0)).toBeNull();
  });
});
