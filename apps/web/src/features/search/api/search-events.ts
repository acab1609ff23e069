import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiPost, shouldRetry } from '../../../lib/api-client.js';
import type { EqlSearchResponse, SearchRequest } from '../types.js';

/**
 * `POST /api/live-search`: the results of `POST /api/search` for `{corpus, query, size}`, served
 * from events the server keeps parsed, so a search can follow every pause in typing.
 */
export function searchEvents(request: SearchRequest, signal?: AbortSignal): Promise<EqlSearchResponse> {
  const { corpus, query, size } = request;
  return apiPost<EqlSearchResponse>('/api/live-search', { corpus, query, size }, signal);
}

export const searchKeys = {
  all: ['search'] as const,
  corpus: (corpus: string) => [...searchKeys.all, corpus] as const,
  run: (request: SearchRequest) =>
    [...searchKeys.corpus(request.corpus), request.query, request.size] as const,
};

/**
 * Results are cached per (corpus, query, size), so what is shown always belongs to the request
 * on screen: a slow answer to an older query lands in that query's cache entry and never
 * replaces the newer one.
 */
export function searchQueryOptions(request: SearchRequest) {
  return queryOptions({
    queryKey: searchKeys.run(request),
    queryFn: ({ signal }) => searchEvents(request, signal),
    staleTime: 30_000,
    retry: shouldRetry,
  });
}

/** `request` null means nothing has been run yet. */
export function useSearch(request: SearchRequest | null) {
  const placeholder: SearchRequest = { corpus: '', query: '', size: 0 };
  return useQuery({
    ...searchQueryOptions(request ?? placeholder),
    enabled: request !== null,
    // Keep the previous results on screen (dimmed) while the next ones load.
    placeholderData: keepPreviousData,
  });
}
