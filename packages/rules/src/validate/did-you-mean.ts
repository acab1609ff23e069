/** Up to `limit` candidates closest to `input`, for "did you mean …?" messages. */
export function closestNames(input: string, candidates: readonly string[], limit = 3): string[] {
  // Typos are a few edits whatever the length: dotted field names are long, and a loose bound
  // suggests unrelated fields.
  const threshold = Math.max(1, Math.min(3, Math.floor(input.length * 0.4)));
  const scored: { name: string; distance: number }[] = [];
  const lower = input.toLowerCase();
  for (const name of candidates) {
    if (Math.abs(name.length - input.length) > threshold) continue;
    const distance = name.toLowerCase() === lower ? 0 : editDistance(lower, name.toLowerCase(), threshold);
    if (distance <= threshold) scored.push({ name, distance });
  }
  scored.sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name));
  return scored.slice(0, limit).map((s) => s.name);
}

export function didYouMean(suggestions: readonly string[]): string {
  if (suggestions.length === 0) return '';
  const quoted = suggestions.map((s) => `"${s}"`);
  if (quoted.length === 1) return ` Did you mean ${quoted[0]}?`;
  return ` Did you mean ${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}?`;
}

/** Levenshtein distance, giving up (returning max + 1) once every path exceeds `max`. */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length] ?? 0;
}
