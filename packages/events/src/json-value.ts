/** Small helpers for reading loosely typed JSON input. */

import { pathParts } from './path-parts.js';

export type JsonObject = { [key: string]: unknown };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** "null", "an array", "a string", …: what a JSON value is, for messages about the wrong kind. */
export function describeJsonKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/** Text form of a scalar; undefined for objects, arrays, null and undefined. */
export function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  return undefined;
}

export function asInteger(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value + 0 : undefined; // + 0: -0 reads as 0, as its text does
  const text = asText(value)?.trim();
  if (text === undefined || text === '') return undefined;
  const n = /^0x[0-9a-f]+$/i.test(text) ? Number.parseInt(text, 16) : Number(text);
  return Number.isSafeInteger(n) ? n : undefined;
}

/**
 * Sets `key` as an own property of `target`. Keys here come from input (JSON keys, XML names,
 * hash names): plain assignment of "__proto__" would replace the object's prototype instead of
 * adding a field, and through a shared prototype change every other object in the process.
 */
export function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}

/** `target[key]` when it is the object's own property: never `constructor` or `toString` from its prototype. */
export function getOwn<T>(target: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(target, key) ? target[key] : undefined;
}

/** Reads `a.b.c` from nested objects or a flat dotted key, whichever the document uses (own properties only). */
export function getPath(doc: JsonObject, path: string): unknown {
  if (Object.hasOwn(doc, path)) return doc[path];
  const parts = pathParts(path);
  let current: unknown = doc;
  let offset = 0;
  for (let i = 0; i < parts.length; i++) {
    if (!isObject(current)) return undefined;
    if (i > 0) {
      // The rest of the path as one flat key ("event_data.Image" inside "winlog").
      const rest = path.slice(offset);
      if (Object.hasOwn(current, rest)) return current[rest];
    }
    const part = parts[i] as string;
    offset += part.length + 1;
    current = getOwn(current, part);
  }
  return current;
}
