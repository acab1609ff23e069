/**
 * "Did you mean …?" support: candidates within a small edit distance of the input, closest
 * first. Same idea as graphql-js `suggestionList`, written from its description.
 */

/** Candidates close to `input` (case-insensitive), best first. */
export function suggestionList(input: string, candidates: readonly string[]): string[] {
  const needle = input.toLowerCase();
  const threshold = Math.floor(needle.length * 0.4) + 1;
  const scored: { candidate: string; distance: number }[] = [];
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    const distance = lower === needle ? 0 : editDistance(needle, lower, threshold);
    if (distance <= threshold) scored.push({ candidate, distance });
  }
  scored.sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate));
  return scored.map((entry) => entry.candidate);
}

/** `, did you mean [a]?` / `, did you mean any of [a, b]?` / `` (Elasticsearch's wording). */
export function didYouMean(suggestions: readonly string[]): string {
  if (suggestions.length === 0) return '';
  const list = `[${suggestions.slice(0, 5).join(', ')}]`;
  return suggestions.length === 1 ? `, did you mean ${list}?` : `, did you mean any of ${list}?`;
}

/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions), giving up early
 * once every cell of a row exceeds `limit`.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previousPrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
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
