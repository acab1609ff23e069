/** A corpus as `GET /api/corpora` lists it. */
export interface Corpus {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly eventCount: number;
  readonly source?: 'bundled' | 'upload';
  /** ISO-8601, UTC; null when no event has a timestamp. */
  readonly minTimestamp?: string | null;
  readonly maxTimestamp?: string | null;
}

/** One field seen in a corpus (`GET /api/corpora/:id/fields`). */
export interface CorpusField {
  readonly name: string;
  /** JSON types seen: `string`, `long`, `double`, `boolean`. */
  readonly types: readonly string[];
  /** Events with a value there. */
  readonly count: number;
  /** A few distinct values, first seen first. */
  readonly examples: readonly unknown[];
}
