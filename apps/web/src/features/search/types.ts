/** The search contract (request as the API takes it; response as Elasticsearch's `_eql/search`). */
export type { EqlSearchResponse, EventHit, SequenceHit } from '@rulebench/eql';

export interface SearchRequest {
  readonly corpus: string;
  readonly query: string;
  readonly size: number;
}

export const SIZE_CHOICES = [10, 100, 1000, 10000] as const;
export const DEFAULT_SIZE = 100;
