/**
 * "Did you mean …?" support. Elasticsearch picks candidates with Lucene's Levenshtein
 * similarity `1 - distance / max(length)` of at least 0.5 (`StringUtils.findSimilar`), most
 * similar first; the same rule here gives the same candidates (VerifierTests:
 * `pib` → `pid, ppid`; QueryTranslatorFailTests: `match` → `cidrmatch`).
 */

/** Candidates similar to `input` (case-insensitive), most similar first. */
export function suggestionList(input: string, candidates: readonly string[]): string[] {
  const needle = input.toLowerCase();
  const scored: { candidate: string; similarity: number }[] = [];
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    const longest = Math.max(needle.length, lower.length);
    if (longest === 0) continue;
    // similarity >= 0.5  ⇔  distance <= longest / 2
    const limit = Math.floor(longest / 2);
    const distance = lower === needle ? 0 : editDistance(needle, lower, limit, false);
    if (distance <= limit) scored.push({ candidate, similarity: 1 - distance / longest });
  }
  scored.sort((a, b) => b.similarity - a.similarity || a.candidate.localeCompare(b.candidate));
  return scored.map((entry) => entry.candidate);
}

/** `, did you mean [a]?` / `, did you mean any of [a, b]?` / `` (Elasticsearch's wording). */
export function didYouMean(suggestions: readonly string[]): string {
  if (suggestions.length === 0) return '';
  const list = `[${suggestions.slice(0, 5).join(', ')}]`;
  return suggestions.length === 1 ? `, did you mean ${list}?` : `, did you mean any of ${list}?`;
}

/**
 * Edit distance, giving up early once every cell of a row exceeds `limit`: optimal string
 * alignment (Levenshtein plus adjacent transpositions) by default, plain Levenshtein (as
 * Lucene's, for Elasticsearch's suggestions) with `transpositions` false.
 */
export function editDistance(
  a: string,
  b: string,
  limit = Number.POSITIVE_INFINITY,
  transpositions = true,
): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previousPrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (transpositions && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (previousPrevious[j - 2] ?? 0) + 1);
      }
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previousPrevious = previous;
    previous = current;
  }
  return previous[b.length] ?? 0;
}
