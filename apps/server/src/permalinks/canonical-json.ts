/** The value cannot be written as canonical JSON (too deep, or not JSON at all). */
export class CanonicalJsonError extends Error {
  override readonly name = 'CanonicalJsonError';
}

/**
 * JSON with object keys sorted (by UTF-16 code units) and no whitespace, so equal values give
 * equal text whatever order a client wrote them in: the input of permalink ids. `undefined`
 * object members are left out, as JSON.stringify does. Nesting deeper than `maxDepth` is
 * refused rather than risking the stack on hostile input.
 */
export function canonicalJson(value: unknown, maxDepth = 64): string {
  return write(value, maxDepth);
}

function write(value: unknown, depth: number): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(`${value} is not a JSON number`);
      return JSON.stringify(value);
    case 'object': {
      if (depth <= 0) throw new CanonicalJsonError('the value is nested too deeply');
      if (Array.isArray(value)) return `[${value.map((item) => write(item ?? null, depth - 1)).join(',')}]`;
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record)
        .filter((key) => record[key] !== undefined)
        .sort();
      return `{${keys.map((key) => `${JSON.stringify(key)}:${write(record[key], depth - 1)}`).join(',')}}`;
    }
    default:
      throw new CanonicalJsonError(`a ${typeof value} is not JSON`);
  }
}
