/** Paging for the virtualized table: which pages hold a range of rows, and where a row lives. */

export const PAGE_SIZE = 200;

/** The indexes of the pages covering rows [first, last] (inclusive); empty when there are none. */
export function pagesCovering(first: number, last: number, pageSize = PAGE_SIZE): number[] {
  if (last < first || last < 0) return [];
  const pages: number[] = [];
  for (let page = Math.floor(Math.max(0, first) / pageSize); page <= Math.floor(last / pageSize); page += 1) {
    pages.push(page);
  }
  return pages;
}

/** The row at `index` from pages loaded so far, or `undefined` while its page loads. */
export function rowAt<T>(
  pages: ReadonlyMap<number, readonly T[]>,
  index: number,
  pageSize = PAGE_SIZE,
): T | undefined {
  return pages.get(Math.floor(index / pageSize))?.[index % pageSize];
}

/** Where the selection goes for a navigation key, clamped to the rows; `null` for other keys. */
export function nextIndex(key: string, current: number, count: number, pageRows: number): number | null {
  if (count === 0) return null;
  const target: Record<string, number> = {
    ArrowDown: current + 1,
    ArrowUp: current - 1,
    PageDown: current + Math.max(1, pageRows),
    PageUp: current - Math.max(1, pageRows),
    Home: 0,
    End: count - 1,
  };
  const next = target[key];
  if (next === undefined) return null;
  // Nothing selected yet: the first key press selects the first row.
  if (current < 0) return key === 'End' ? count - 1 : 0;
  return Math.max(0, Math.min(count - 1, next));
}
