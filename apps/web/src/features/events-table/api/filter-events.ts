import { queryOptions } from '@tanstack/react-query';
import { shouldRetry } from '../../../lib/api-client.js';
import { searchEvents } from '../../search/api/search-events.js';
import type { EqlSearchResponse } from '../../search/types.js';
import { eventsPageKeys } from './get-events-page.js';

/** The search API's largest `size`: a field filter shows at most this many events. */
export const FILTER_LIMIT = 10_000;

/** Field filters run as an EQL query over the corpus (`POST /api/search`). */
export function filterEventsQueryOptions(corpus: string, query: string) {
  return queryOptions({
    queryKey: [...eventsPageKeys.corpus(corpus), 'eql', query] as const,
    queryFn: ({ signal }): Promise<EqlSearchResponse> =>
      searchEvents({ corpus, query, size: FILTER_LIMIT }, signal),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 60_000,
    retry: shouldRetry,
  });
}
