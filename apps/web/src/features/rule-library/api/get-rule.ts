import type { RuleDetail } from '@rulebench/rules';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { ruleLibraryKeys } from './get-rules.js';
import { libraryRequest } from './library-request.js';

export function getRule(id: string, signal?: AbortSignal): Promise<RuleDetail> {
  return libraryRequest<RuleDetail>(`/api/rules/${encodeURIComponent(id)}`, signal ? { signal } : {});
}

export function ruleQueryOptions(id: string) {
  return queryOptions({
    queryKey: ruleLibraryKeys.detail(id),
    queryFn: ({ signal }) => getRule(id, signal),
    staleTime: 30_000,
  });
}

export function useRule(id: string | undefined) {
  return useQuery({ ...ruleQueryOptions(id ?? ''), enabled: id !== undefined });
}
