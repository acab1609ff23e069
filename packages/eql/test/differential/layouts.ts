/**
 * One Elasticsearch document written many ways: nested objects, flat dotted keys, any mix, and
 * arrays of objects. Conditions must give the same verdict on every layout of one document.
 */

import fc from 'fast-check';
import { scalarValue } from './arbitraries.js';

// ── One event, many layouts ─────────────────────────────────────────────────

/** Leaf paths of the vocabulary; an event keeps only prefix-free ones (ES could not map both). */
const LEAF_PATHS = [
  'a',
  'a.b',
  'a.b.c',
  'a.c',
  'a.constructor',
  'b',
  'n',
  's',
  't',
  'arr',
  'opt',
  'x.y',
  'x.z',
  'toString',
] as const;

/** An event as Elasticsearch sees it: dotted field name → its value (scalar or array). */
export type FlatEvent = ReadonlyMap<string, unknown>;

export const flatEvent: fc.Arbitrary<FlatEvent> = fc
  .dictionary(
    fc.constantFrom(...LEAF_PATHS),
    fc.oneof(
      { weight: 3, arbitrary: scalarValue },
      { weight: 2, arbitrary: fc.array(scalarValue, { maxLength: 3 }) },
    ),
    { maxKeys: 6 },
  )
  .map((dict) => {
    const keys = Object.keys(dict);
    const kept = keys.filter((key) => !keys.some((other) => other !== key && key.startsWith(`${other}.`)));
    return new Map(kept.map((key) => [key, dict[key]]));
  });

/**
 * How to write each field of a flat event: for each path, where its dots become nesting (a
 * bit per dot: 1 nests, 0 keeps the dot inside the key). Every choice is the same ES document.
 */
export const layoutChoice: fc.Arbitrary<readonly boolean[]> = fc.array(fc.boolean(), {
  minLength: 24,
  maxLength: 24,
});

/** Writes a flat event as JSON with the given nesting choices. */
export function renderLayout(event: FlatEvent, choice: readonly boolean[]): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  let bit = 0;
  for (const [path, value] of event) {
    const segments = path.split('.');
    const keys: string[] = [segments[0] as string];
    for (const segment of segments.slice(1)) {
      if (choice[bit++ % choice.length] === true) keys.push(segment);
      else keys[keys.length - 1] += `.${segment}`;
    }
    let node = root;
    for (const key of keys.slice(0, -1)) {
      const next = node[key];
      if (typeof next === 'object' && next !== null && !Array.isArray(next)) {
        node = next as Record<string, unknown>;
      } else {
        const created: Record<string, unknown> = {};
        node[key] = created;
        node = created;
      }
    }
    node[keys[keys.length - 1] as string] = value;
  }
  // `{"a": {"b": [1, 2]}}` may also be written `{"a": [{"b": 1}, {"b": 2}]}`: an array of
  // objects (not `nested`) is flattened into the same multi-valued field.
  for (const [key, value] of Object.entries(root)) {
    if (choice[bit++ % choice.length] !== true || typeof value !== 'object' || value === null) continue;
    const entries = Object.entries(value);
    const [only] = entries;
    if (entries.length !== 1 || only === undefined || !Array.isArray(only[1]) || only[1].length < 2) continue;
    const [inner, items] = only as [string, unknown[]];
    root[key] = items.map((item) => ({ [inner]: item }));
  }
  return root;
}
