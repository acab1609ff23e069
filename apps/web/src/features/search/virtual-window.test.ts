import { describe, expect, it } from 'vitest';
import { scrollToReveal, virtualWindow } from './virtual-window.js';

describe('virtualWindow', () => {
  it('renders the visible rows plus overscan', () => {
    expect(virtualWindow(0, 460, 46, 10_000, 5)).toEqual({
      start: 0,
      end: 16,
      before: 0,
      after: (10_000 - 16) * 46,
    });
    expect(virtualWindow(46_000, 460, 46, 10_000, 5)).toEqual({
      start: 995,
      end: 1016,
      before: 995 * 46,
      after: (10_000 - 1016) * 46,
    });
  });

  it('clamps at the end and handles empty lists', () => {
    expect(virtualWindow(1_000_000, 460, 46, 20, 5)).toEqual({
      start: 19,
      end: 20,
      before: 19 * 46,
      after: 0,
    });
    expect(virtualWindow(0, 460, 46, 0)).toEqual({ start: 0, end: 0, before: 0, after: 0 });
  });
});

describe('scrollToReveal', () => {
  it('scrolls just enough to show a row', () => {
    expect(scrollToReveal(0, 100, 460, 46)).toBe(0);
    expect(scrollToReveal(20, 0, 460, 46)).toBe(21 * 46 - 460);
    expect(scrollToReveal(3, 0, 460, 46)).toBeNull();
  });
});
