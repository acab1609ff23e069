/**
 * The most frequent values of one field across a corpus, as completion shows them ("EXCEL.EXE
 * · 1,204 events"). A value counts once per event however often the event repeats it; values
 * of different JSON types stay apart (`4` and `"4"` are different values to EQL's `==`).
 */

import { fieldValues } from '../search/field-values.js';

export type ScalarValue = string | number | boolean;

export interface TopValue {
  readonly value: ScalarValue;
  /** Events holding the value. */
  readonly count: number;
}

export interface TopValues {
  readonly field: string;
  /** Events examined. */
  readonly scanned: number;
  /** Events with at least one value at `field`. */
  readonly present: number;
  /** Distinct values seen. */
  readonly distinct: number;
  /** At most `limit` values, most frequent first; ties in first-seen order. */
  readonly values: readonly TopValue[];
}

/** Counts values over `sources`, one pass. */
export function topValues(sources: Iterable<unknown>, field: string, limit: number): TopValues {
  const counts = new Map<string, { value: ScalarValue; count: number }>();
  let scanned = 0;
  let present = 0;
  for (const source of sources) {
    scanned++;
    const seen = new Set<string>();
    for (const raw of fieldValues(source, field)) {
      if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') continue;
      const key = `${typeof raw}:${String(raw)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = counts.get(key);
      if (entry) entry.count++;
      else counts.set(key, { value: raw, count: 1 });
    }
    if (seen.size > 0) present++;
  }
  // Map order is first-seen order and the sort is stable, so ties keep it.
  const values = [...counts.values()].sort((a, b) => b.count - a.count).slice(0, limit);
  return { field, scanned, present, distinct: counts.size, values };
}
