/** A corpus as `GET /api/corpora` lists it. */
export interface Corpus {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly eventCount: number;
  readonly source?: 'bundled' | 'upload';
  /** The uploaded file name(s), when known. */
  readonly origin?: string | null;
  /** ISO-8601, UTC; null when no event has a timestamp. */
  readonly minTimestamp?: string | null;
  readonly maxTimestamp?: string | null;
  readonly createdAt?: string;
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

/** Where a rejected record was: only what applies to its input is present (all 1-based). */
export interface RejectedRecord {
  readonly file?: string;
  readonly entry?: string;
  readonly line?: number;
  readonly element?: number;
  readonly record?: number;
  readonly reason: string;
}

export interface ImportedInput {
  readonly file?: string;
  readonly entry?: string;
  readonly compression: 'none' | 'gzip' | 'zip';
  readonly format: string;
  readonly encoding: string;
}

/** What an import did, as the server reports it whether it stored anything or not. */
export interface ImportReport {
  readonly read: number;
  readonly imported: number;
  readonly rejected: number;
  readonly withoutTimestamp: number;
  readonly errors: readonly RejectedRecord[];
  readonly errorsTruncated: boolean;
  readonly inputs: readonly ImportedInput[];
}
