export interface SnapshotChange {
  /** Dotted path into the snapshot: `rule.severity`, `query`, `rule.threat[0].tactic.id`. */
  readonly path: string;
  readonly kind: 'added' | 'removed' | 'changed';
  readonly before?: unknown;
  readonly after?: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * What changed between two snapshots, as leaf paths in key order. Objects are compared key by
 * key; lists of the same length item by item, otherwise as a whole (a tag added shows the
 * whole tag list before and after, which reads better than shifted items). Long texts (the
 * query, the guide) come whole, for the client to show as a line diff.
 */
export function diffSnapshots(before: unknown, after: unknown): SnapshotChange[] {
  const changes: SnapshotChange[] = [];
  walk(before, after, '', changes);
  return changes;
}

function walk(a: unknown, b: unknown, path: string, out: SnapshotChange[]): void {
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const key of keys) {
      const child = path ? `${path}.${key}` : key;
      if (!(key in b)) out.push({ path: child, kind: 'removed', before: a[key] });
      else if (!(key in a)) out.push({ path: child, kind: 'added', after: b[key] });
      else walk(a[key], b[key], child, out);
    }
    return;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    for (const [i, item] of a.entries()) walk(item, b[i], `${path}[${i}]`, out);
    return;
  }
  if (!sameJson(a, b)) out.push({ path, kind: 'changed', before: a, after: b });
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
