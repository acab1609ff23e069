import { getOwn, isObject, type JsonObject, setOwn } from './json-value.js';
import { pathParts } from './path-parts.js';

/** A JSON document as stored in a corpus: nested objects, ECS field names. */
export type EcsDocument = { [key: string]: unknown };

/**
 * Builds a nested document by dotted paths; later writes win, empty values are never written.
 * Paths may hold input text (hash names, event data names), so only own properties are walked
 * and written: "__proto__" or "constructor" in a path is a field like any other.
 */
export class EcsBuilder {
  readonly doc: EcsDocument = {};

  set(path: string, value: unknown): void {
    if (value === undefined || value === null || value === '') return;
    if (Array.isArray(value) && value.length === 0) return;
    const parts = pathParts(path);
    const last = parts.length - 1;
    let node: JsonObject = this.doc;
    for (let i = 0; i < last; i++) {
      const key = parts[i] as string;
      const next = getOwn(node, key);
      if (typeof next === 'object' && next !== null && !Array.isArray(next)) node = next as JsonObject;
      else {
        const created: JsonObject = {};
        setOwn(node, key, created);
        node = created;
      }
    }
    setOwn(node, parts[last] as string, value);
  }

  get(path: string): unknown {
    const parts = pathParts(path);
    let node: unknown = this.doc;
    for (let i = 0; i < parts.length; i++) {
      if (!isObject(node)) return undefined;
      node = getOwn(node, parts[i] as string);
    }
    return node;
  }

  /** Appends to an array field, keeping values unique and in first-seen order. */
  append(path: string, value: unknown): void {
    if (value === undefined || value === null || value === '') return;
    const current = this.get(path);
    const list = Array.isArray(current) ? current : current === undefined ? [] : [current];
    if (!list.includes(value)) this.set(path, [...list, value]);
  }
}

/** A copy with object keys sorted at every depth, so equal documents serialise identically. */
export function canonicalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalize);
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const key of Object.keys(value).sort(compareKeys)) setOwn(out, key, canonicalize(value[key]));
  return out;
}

/**
 * Serialises like {@link canonicalize}d, but copies only what is out of order: objects whose keys
 * are sorted already (and whose members are) are returned as they are. Never mutates `value`;
 * the result may share parts with it. Runs once per mapped record, so it walks with `for…in`
 * (no key array per object) and calls itself only for objects and arrays.
 */
export function sortedKeys(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item !== 'object' || item === null) continue;
      const sorted = sortedKeys(item);
      if (sorted !== item) {
        copy ??= value.slice();
        copy[i] = sorted;
      }
    }
    return copy ?? value;
  }
  const object = value as JsonObject;
  let copy: JsonObject | undefined;
  let previous: string | undefined;
  for (const key in object) {
    // for…in lists the same keys in the same order as Object.keys for the plain objects here.
    if (previous !== undefined && previous > key) return sortedCopy(object);
    previous = key;
    const member = object[key];
    if (typeof member !== 'object' || member === null) continue;
    const sorted = sortedKeys(member);
    if (sorted !== member) {
      copy ??= { ...object };
      copy[key] = sorted;
    }
  }
  return copy ?? object;
}

/** A copy of `object` with its keys sorted, its members {@link sortedKeys}. */
function sortedCopy(object: JsonObject): JsonObject {
  // Default sort compares UTF-16 code units, the order compareKeys gives.
  const keys = Object.keys(object).sort();
  const out: JsonObject = {};
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    setOwn(out, key, sortedKeys(object[key]));
  }
  return out;
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
