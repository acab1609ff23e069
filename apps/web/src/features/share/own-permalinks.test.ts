import { describe, expect, it } from 'vitest';
import { isOwnPermalink, rememberOwnPermalink } from './own-permalinks.js';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    items,
  };
}

describe('own permalinks', () => {
  it('knows the ids this browser made, and only those', () => {
    const storage = memoryStorage();
    expect(isOwnPermalink('AAAAAAAAAAAAAAAA', storage)).toBe(false);
    rememberOwnPermalink('AAAAAAAAAAAAAAAA', storage);
    rememberOwnPermalink('BBBBBBBBBBBBBBBB', storage);
    rememberOwnPermalink('AAAAAAAAAAAAAAAA', storage);
    expect(isOwnPermalink('AAAAAAAAAAAAAAAA', storage)).toBe(true);
    expect(isOwnPermalink('CCCCCCCCCCCCCCCC', storage)).toBe(false);
    expect(JSON.parse(storage.items.get('rulebench.ownPermalinks') ?? '')).toEqual([
      'BBBBBBBBBBBBBBBB',
      'AAAAAAAAAAAAAAAA',
    ]);
  });

  it('treats unreadable storage as knowing nothing', () => {
    const storage = memoryStorage();
    storage.setItem('rulebench.ownPermalinks', '{not json');
    expect(isOwnPermalink('AAAAAAAAAAAAAAAA', storage)).toBe(false);
    expect(isOwnPermalink('AAAAAAAAAAAAAAAA', undefined)).toBe(false);
  });
});
