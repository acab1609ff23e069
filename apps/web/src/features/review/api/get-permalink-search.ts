import type { EqlSearchResponse } from '@rulebench/eql';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client.js';
import { permalinkKeys } from './get-permalink.js';

/** `GET /api/permalinks/:id/:version/search`: the stored query re-run over the stored events. */
export function getPermalinkSearch(
  id: string,
  version: number,
  signal?: AbortSignal,
): Promise<EqlSearchResponse> {
  return apiGet<EqlSearchResponse>(`/api/permalinks/${id}/${version}/search`, signal);
}

export function permalinkSearchQueryOptions(id: string, version: number) {
  return queryOptions({
    queryKey: permalinkKeys.search(id, version),
    queryFn: ({ signal }) => getPermalinkSearch(id, version, signal),
    // Same snapshot, same events, same answer.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** `enabled` false while the snapshot is unknown or holds no events. */
export function usePermalinkSearch(id: string, version: number | undefined, enabled: boolean) {
  return useQuery({
    ...permalinkSearchQueryOptions(id, version ?? 0),
    enabled: enabled && version !== undefined,
  });
}
