/** Small helpers for reading loosely typed JSON input. */

export type JsonObject = { [key: string]: unknown };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Text form of a scalar; undefined for objects, arrays, null and undefined. */
export function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  return undefined;
}

export function asInteger(value: unknown): number | undefined {
  const text = asText(value)?.trim();
  if (text === undefined || text === '') return undefined;
  const n = /^0x[0-9a-f]+$/i.test(text) ? Number.parseInt(text, 16) : Number(text);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** Reads `a.b.c` from nested objects or a flat dotted key, whichever the document uses. */
export function getPath(doc: JsonObject, path: string): unknown {
  if (path in doc) return doc[path];
  let current: unknown = doc;
  const parts = path.split('.');
  for (let i = 0; i < parts.length; i++) {
    if (!isObject(current)) return undefined;
    const rest = parts.slice(i).join('.');
    if (i > 0 && rest in current) return current[rest];
    current = current[parts[i] as string];
  }
  return current;
}
