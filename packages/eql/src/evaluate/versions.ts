/**
 * Ordering of Elasticsearch `version` fields (semantic versions): numeric parts compared as
 * numbers (`1.11.3 > 1.5.0`), a pre-release sorts before its release, and strings that are not
 * valid versions sort after every valid one (among themselves, as plain strings).
 */

const VERSION = /^(\d+(?:\.\d+)*)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

interface ParsedVersion {
  readonly parts: readonly number[];
  readonly pre: readonly string[] | null;
}

function parse(text: string): ParsedVersion | null {
  const match = VERSION.exec(text);
  if (match === null) return null;
  const parts = (match[1] as string).split('.').map(Number);
  return { parts, pre: match[2] === undefined ? null : match[2].split('.') };
}

function compareIdentifiers(a: string, b: string): number {
  const an = /^\d+$/.test(a);
  const bn = /^\d+$/.test(b);
  if (an && bn) return Math.sign(Number(a) - Number(b));
  if (an !== bn) return an ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Negative, zero or positive, like a comparator. */
export function compareVersions(a: string, b: string): number {
  const va = parse(a);
  const vb = parse(b);
  if (va === null || vb === null) {
    if (va !== vb) return va === null ? 1 : -1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  const length = Math.max(va.parts.length, vb.parts.length);
  for (let i = 0; i < length; i++) {
    const x = va.parts[i];
    const y = vb.parts[i];
    if (x === undefined || y === undefined) return x === undefined ? -1 : 1;
    if (x !== y) return x < y ? -1 : 1;
  }
  if (va.pre === null || vb.pre === null) return va.pre === vb.pre ? 0 : va.pre === null ? 1 : -1;
  const preLength = Math.max(va.pre.length, vb.pre.length);
  for (let i = 0; i < preLength; i++) {
    const x = va.pre[i];
    const y = vb.pre[i];
    if (x === undefined || y === undefined) return x === undefined ? -1 : 1;
    const order = compareIdentifiers(x, y);
    if (order !== 0) return order;
  }
  return 0;
}
