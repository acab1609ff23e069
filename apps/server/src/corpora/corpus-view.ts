import type { CorpusRecord } from '../store/types.js';

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

const iso = (millis: number | null) => (millis === null ? null : new Date(millis).toISOString());

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
    createdAt: new Date(corpus.createdAt).toISOString(),
    updatedAt: new Date(corpus.updatedAt).toISOString(),
  };
}
