import type { PermalinkView as SharedPermalinkView } from '@rulebench/rules';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client.js';
import type { SnapshotV1 } from '../../share/types.js';

export type { PermalinkVersionInfo } from '@rulebench/rules';
/** `GET /api/permalinks/:id[/:version]`. */
export type PermalinkView = SharedPermalinkView<SnapshotV1>;

export function getPermalink(
  id: string,
  version: number | undefined,
  signal?: AbortSignal,
): Promise<PermalinkView> {
  const path = version === undefined ? `/api/permalinks/${id}` : `/api/permalinks/${id}/${version}`;
  return apiGet<PermalinkView>(path, signal);
}

export const permalinkKeys = {
  all: ['permalinks'] as const,
  one: (id: string) => [...permalinkKeys.all, id] as const,
  view: (id: string, version: number | undefined) =>
    [...permalinkKeys.one(id), 'view', version ?? 'latest'] as const,
  search: (id: string, version: number) => [...permalinkKeys.one(id), 'search', version] as const,
  diff: (id: string, from: number, to: number) => [...permalinkKeys.one(id), 'diff', from, to] as const,
};

export function permalinkQueryOptions(id: string, version: number | undefined) {
  return queryOptions({
    queryKey: permalinkKeys.view(id, version),
    queryFn: ({ signal }) => getPermalink(id, version, signal),
    // A version never changes; "latest" does when someone saves the next version.
    staleTime: version === undefined ? 0 : Number.POSITIVE_INFINITY,
  });
}

export function usePermalink(id: string, version: number | undefined) {
  return useQuery(permalinkQueryOptions(id, version));
}
