import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client.js';
import { permalinkKeys } from './get-permalink.js';

export interface SnapshotChange {
  /** Dotted path into the snapshot: `query`, `rule.severity`, `rule.threat[0].tactic.id`. */
  readonly path: string;
  readonly kind: 'added' | 'removed' | 'changed';
  readonly before?: unknown;
  readonly after?: unknown;
}

export interface PermalinkDiff {
  readonly id: string;
  readonly from: number;
  readonly to: number;
  readonly changes: readonly SnapshotChange[];
}

/** `GET /api/permalinks/:id/diff?from=&to=`: what changed, leaf by leaf. */
export function getPermalinkDiff(
  id: string,
  from: number,
  to: number,
  signal?: AbortSignal,
): Promise<PermalinkDiff> {
  return apiGet<PermalinkDiff>(`/api/permalinks/${id}/diff?from=${from}&to=${to}`, signal);
}

export function permalinkDiffQueryOptions(id: string, from: number, to: number) {
  return queryOptions({
    queryKey: permalinkKeys.diff(id, from, to),
    queryFn: ({ signal }) => getPermalinkDiff(id, from, to, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function usePermalinkDiff(id: string, from: number, to: number, enabled: boolean) {
  return useQuery({ ...permalinkDiffQueryOptions(id, from, to), enabled });
}
