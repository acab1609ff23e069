// Mapping reads and writes the same few hundred dotted paths for every record: split each one
// once. Bounded, because enrichers may build paths from input text (hash algorithm names).
const CACHE = new Map<string, readonly string[]>();
const CACHE_LIMIT = 4096;

/** `a.b.c` → ['a', 'b', 'c'], cached. */
export function pathParts(path: string): readonly string[] {
  let parts = CACHE.get(path);
  if (parts === undefined) {
    parts = path.split('.');
    if (CACHE.size < CACHE_LIMIT) CACHE.set(path, parts);
  }
  return parts;
}
