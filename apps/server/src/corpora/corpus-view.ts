import type { CorpusRecord } from '../store/types.js';
import { timestampToIso } from './timestamp.js';

/** A corpus as the API shows it. */
export interface CorpusView {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly source: 'bundled' | 'upload';
  readonly origin: string | null;
  readonly eventCount: number;
  readonly minTimestamp: string | null;
  readonly maxTimestamp: string | null;
  readonly contentHash: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/**
 * Stored millis as ISO-8601. Never throws: a value no `Date` can hold (stored before the import
 * checked the range) shows as null rather than failing every listing of corpora.
 */
const iso = (millis: number | null) => (millis === null ? null : (timestampToIso(millis) ?? null));

/** Shown for a created/updated time that is not a date (only a damaged store has one). */
const EPOCH = new Date(0).toISOString();

export function corpusView(corpus: CorpusRecord): CorpusView {
  return {
    id: corpus.id,
    name: corpus.name,
    description: corpus.description,
    source: corpus.source,
    origin: corpus.origin,
    eventCount: corpus.eventCount,
    minTimestamp: iso(corpus.minTimestamp),
    maxTimestamp: iso(corpus.maxTimestamp),
    contentHash: corpus.contentHash,
    createdAt: iso(corpus.createdAt) ?? EPOCH,
    updatedAt: iso(corpus.updatedAt) ?? EPOCH,
  };
}
