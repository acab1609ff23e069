/**
 * Elasticsearch index expressions (`name`, `logs-*`, `a,b`, `logs-*,-logs-old`) resolved against
 * the stored corpus ids without regular expressions: a `*` glob is matched by splitting it on
 * `*` and finding the literal pieces in order, so any pattern costs time linear in the id (a
 * backtracking RegExp built from `*****…X` took exponential time and froze the server).
 */

/** True when `text` matches `pattern`, where `*` stands for any run of characters. */
export function globMatches(pattern: string, text: string): boolean {
  if (!pattern.includes('*')) return pattern === text;
  const pieces = pattern.split('*');
  const first = pieces[0] as string;
  const last = pieces[pieces.length - 1] as string;
  if (first.length + last.length > text.length) return false;
  if (!text.startsWith(first) || !text.endsWith(last)) return false;
  // Greedy leftmost placement of the middle pieces is optimal: a piece placed earlier leaves
  // every later piece at least as much room.
  let at = first.length;
  const end = text.length - last.length;
  for (let i = 1; i < pieces.length - 1; i++) {
    const piece = pieces[i] as string;
    if (piece === '') continue;
    const found = text.indexOf(piece, at);
    if (found < 0 || found + piece.length > end) return false;
    at = found + piece.length;
  }
  return true;
}

export type IndexResolution =
  | { readonly ok: true; readonly ids: readonly string[] }
  | { readonly ok: false; readonly missing: string };

/**
 * The ids an index expression names, in the order of `ids`. As in Elasticsearch: items are
 * comma-separated; a name without `*` must exist (else it is reported `missing`); a pattern may
 * match nothing; `-pattern` removes what earlier items added.
 */
export function resolveIndexExpression(expression: string, ids: readonly string[]): IndexResolution {
  const selected = new Set<string>();
  for (const raw of expression.split(',')) {
    const item = raw.trim();
    if (item === '') continue;
    if (item.startsWith('-') && selected.size > 0) {
      const pattern = item.slice(1);
      for (const id of [...selected]) if (globMatches(pattern, id)) selected.delete(id);
      continue;
    }
    if (!item.includes('*')) {
      if (!ids.includes(item)) return { ok: false, missing: item };
      selected.add(item);
      continue;
    }
    for (const id of ids) if (globMatches(item, id)) selected.add(id);
  }
  return { ok: true, ids: ids.filter((id) => selected.has(id)) };
}
