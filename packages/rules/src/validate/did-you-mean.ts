import { editDistance } from '@rulebench/eql';

/** Up to `limit` candidates closest to `input`, for "did you mean …?" messages. */
export function closestNames(input: string, candidates: readonly string[], limit = 3): string[] {
  // Typos are a few edits whatever the length: dotted field names are long, and a loose bound
  // suggests unrelated fields.
  const threshold = Math.max(1, Math.min(3, Math.floor(input.length * 0.4)));
  const scored: { name: string; distance: number }[] = [];
  const lower = input.toLowerCase();
  for (const name of candidates) {
    if (Math.abs(name.length - input.length) > threshold) continue;
    const distance =
      name.toLowerCase() === lower ? 0 : editDistance(lower, name.toLowerCase(), threshold, false);
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
