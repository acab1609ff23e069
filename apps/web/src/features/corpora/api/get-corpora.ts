import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client.js';
import type { Corpus } from '../types.js';

/** The server answers `{ corpora: [...] }`; a bare array is accepted too. */
export async function getCorpora(signal?: AbortSignal): Promise<Corpus[]> {
  const body = await apiGet<Corpus[] | { corpora: Corpus[] }>('/api/corpora', signal);
  return Array.isArray(body) ? body : body.corpora;
}

export const corpusKeys = {
  all: ['corpora'] as const,
  list: () => [...corpusKeys.all, 'list'] as const,
};

export function corporaQueryOptions() {
  return queryOptions({
    queryKey: corpusKeys.list(),
    queryFn: ({ signal }) => getCorpora(signal),
    staleTime: 60_000,
  });
}

export function useCorpora() {
  return useQuery(corporaQueryOptions());
}
