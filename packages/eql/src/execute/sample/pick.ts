/**
 * Chooses samples for one join key: one event per filter, no event twice, trying the candidates
 * of each filter in their order (depth first), until `limit` samples are found. For candidate
 * lists [a, b, c] / [d, e] / [d, e, c] the first sample is [a, d, e].
 */
export function pickSamples<T>(candidates: readonly (readonly T[])[], limit: number): T[][] {
  const found: T[][] = [];
  if (candidates.length === 0 || candidates.some((list) => list.length === 0)) return found;
  const partial: T[] = [];
  const walk = (level: number): void => {
    for (const item of candidates[level] as readonly T[]) {
      if (partial.includes(item)) continue;
      partial.push(item);
      if (level === candidates.length - 1) found.push([...partial]);
      else walk(level + 1);
      partial.pop();
      if (found.length >= limit) return;
    }
  };
  walk(0);
  return found;
}
