import { isObject, type JsonObject } from './json-value.js';

/** A JSON document as stored in a corpus: nested objects, ECS field names. */
export type EcsDocument = { [key: string]: unknown };

/** Builds a nested document by dotted paths; later writes win, empty values are never written. */
export class EcsBuilder {
  readonly doc: EcsDocument = {};

  set(path: string, value: unknown): void {
    if (value === undefined || value === null || value === '') return;
    if (Array.isArray(value) && value.length === 0) return;
    const parts = path.split('.');
    let node: JsonObject = this.doc;
    for (let i = 0; i < parts.length - 1; i++) {
      const key = parts[i] as string;
      const next = node[key];
      if (isObject(next)) node = next;
      else {
        const created: JsonObject = {};
        node[key] = created;
        node = created;
      }
    }
    node[parts[parts.length - 1] as string] = value;
  }

  get(path: string): unknown {
    let node: unknown = this.doc;
    for (const part of path.split('.')) {
      if (!isObject(node)) return undefined;
      node = node[part];
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
  for (const key of Object.keys(value).sort(compareKeys)) out[key] = canonicalize(value[key]);
  return out;
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
