/** Test helpers over ASTs. */

/** A deep copy of `value` without any `loc` property, for comparing trees modulo positions. */
export function stripLoc<T>(value: T): unknown {
  if (Array.isArray(value)) return value.map((item) => stripLoc(item));
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) if (key !== 'loc') copy[key] = stripLoc(item);
    return copy;
  }
  return value;
}
