import { describe, expect, it } from 'vitest';
import { nextIndex, pagesCovering, rowAt } from './page-window.js';

describe('pagesCovering', () => {
  it('lists the pages a range of rows spans', () => {
    expect(pagesCovering(0, 30)).toEqual([0]);
    expect(pagesCovering(190, 410)).toEqual([0, 1, 2]);
    expect(pagesCovering(200, 399)).toEqual([1]);
    expect(pagesCovering(5, 4)).toEqual([]);
    expect(pagesCovering(-1, -1)).toEqual([]);
  });
});

describe('rowAt', () => {
  it('finds a row in its page, or nothing while the page loads', () => {
    const pages = new Map([[1, ['r200', 'r201']]]);
    expect(rowAt(pages, 201)).toBe('r201');
    expect(rowAt(pages, 5)).toBeUndefined();
    expect(rowAt(new Map([[0, ['a', 'b', 'c']]]), 2, 3)).toBe('c');
  });
});

describe('nextIndex', () => {
  it('moves and clamps', () => {
    expect(nextIndex('ArrowDown', 3, 10, 5)).toBe(4);
    expect(nextIndex('ArrowUp', 0, 10, 5)).toBe(0);
    expect(nextIndex('ArrowDown', 9, 10, 5)).toBe(9);
    expect(nextIndex('PageDown', 3, 10, 5)).toBe(8);
    expect(nextIndex('PageUp', 3, 10, 5)).toBe(0);
    expect(nextIndex('End', 3, 10, 5)).toBe(9);
    expect(nextIndex('Home', 3, 10, 5)).toBe(0);
  });
  it('selects the first row from nothing, and ignores other keys', () => {
    expect(nextIndex('ArrowDown', -1, 10, 5)).toBe(0);
    expect(nextIndex('End', -1, 10, 5)).toBe(9);
    expect(nextIndex('Enter', 3, 10, 5)).toBeNull();
    expect(nextIndex('ArrowDown', 0, 0, 5)).toBeNull();
  });
});
