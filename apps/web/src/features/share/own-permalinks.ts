/**
 * The permalinks this browser made. Saving again continues one of those as its next version by
 * default; a fork of someone else's link saves as a new permalink unless the user ticks the box
 * (regex101's model: you version your own links, you fork other people's).
 */
const KEY = 'rulebench.ownPermalinks';
/** Enough for years of links; the oldest are forgotten first. */
const MAX_REMEMBERED = 500;

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

const defaultStorage = (): Storage | undefined => {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    // Storage can be disabled (privacy settings): nothing is remembered then.
    return undefined;
  }
};

function read(storage: Storage | undefined): string[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberOwnPermalink(id: string, storage: Storage | undefined = defaultStorage()): void {
  const ids = read(storage).filter((known) => known !== id);
  ids.push(id);
  try {
    storage?.setItem(KEY, JSON.stringify(ids.slice(-MAX_REMEMBERED)));
  } catch {
    // Full or disabled storage: the link still works, it just is not known as ours.
  }
}

export function isOwnPermalink(id: string, storage: Storage | undefined = defaultStorage()): boolean {
  return read(storage).includes(id);
}
