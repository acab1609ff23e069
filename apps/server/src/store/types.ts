export type CorpusSource = 'bundled' | 'upload';

/** A corpus as stored: a named pointer to one immutable content. */
export interface CorpusRecord {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly source: CorpusSource;
  /** The file it came from (bundled file name or uploaded file name), when known. */
  readonly origin: string | null;
  readonly contentId: number;
  /** SHA-256 (hex) of the canonical documents, one per line, in ordinal order. */
  readonly contentHash: string;
  readonly eventCount: number;
  /** Epoch millis of the earliest / latest `@timestamp`; null when no event has one. */
  readonly minTimestamp: number | null;
  readonly maxTimestamp: number | null;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** One stored event row. `doc` is the canonical JSON text of the document. */
export interface StoredEvent {
  readonly ordinal: number;
  readonly ts: number | null;
  readonly doc: string;
}

export interface EventFilter {
  /** Inclusive bounds on the stored `@timestamp` (epoch millis). */
  readonly fromTs?: number;
  readonly toTs?: number;
  /** Case-insensitive substring of the document's JSON text. */
  readonly text?: string;
}
