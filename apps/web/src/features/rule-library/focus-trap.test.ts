import { describe, expect, it } from 'vitest';
import { wrapTarget } from './focus-trap.js';

describe('wrapTarget', () => {
  const items = ['search', 'tag', 'close'];
  const inside = (element: string) => items.includes(element) || element === 'editor-textarea';

  it('wraps at both ends and lets Tab move freely in between', () => {
    expect(wrapTarget(items, 'close', 'panel', false, inside)).toBe('search');
    expect(wrapTarget(items, 'search', 'panel', true, inside)).toBe('close');
    expect(wrapTarget(items, 'tag', 'panel', false, inside)).toBeUndefined();
    expect(wrapTarget(items, 'tag', 'panel', true, inside)).toBeUndefined();
  });

  it('brings focus back in from the panel itself or from outside', () => {
    expect(wrapTarget(items, 'panel', 'panel', false, inside)).toBe('search');
    expect(wrapTarget(items, 'panel', 'panel', true, inside)).toBe('close');
    expect(wrapTarget(items, 'page-button', 'panel', false, inside)).toBe('search');
    expect(wrapTarget(items, null, 'panel', true, inside)).toBe('close');
  });

  it('leaves focus on an element inside that it does not list to the browser', () => {
    expect(wrapTarget(items, 'editor-textarea', 'panel', false, inside)).toBeUndefined();
  });

  it('keeps focus on the panel when nothing in it can take focus', () => {
    expect(wrapTarget([], 'panel', 'panel', false, inside)).toBe('panel');
  });
});
