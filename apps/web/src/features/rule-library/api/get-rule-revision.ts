import type { RuleDetail } from '@rulebench/rules';
import { queryOptions } from '@tanstack/react-query';
import { ruleLibraryKeys } from './get-rules.js';
import { libraryRequest } from './library-request.js';

/** `GET /api/rules/:id/revisions/:revision`: the entry as it was at that revision. */
export function getRuleRevision(id: string, revision: number, signal?: AbortSignal): Promise<RuleDetail> {
  return libraryRequest<RuleDetail>(
    `/api/rules/${encodeURIComponent(id)}/revisions/${revision}`,
    signal ? { signal } : {},
  );
}

/** Revisions never change once stored, so a fetched one stays fresh. */
export function ruleRevisionQueryOptions(id: string, revision: number) {
  return queryOptions({
    queryKey: [...ruleLibraryKeys.detail(id), 'revision', revision] as const,
    queryFn: ({ signal }) => getRuleRevision(id, revision, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
