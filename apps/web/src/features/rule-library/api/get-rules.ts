import type { RuleList, RuleListFilter } from '@rulebench/rules';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { libraryRequest } from './library-request.js';

export const ruleLibraryKeys = {
  all: ['rule-library'] as const,
  lists: () => [...ruleLibraryKeys.all, 'list'] as const,
  list: (filter: RuleListFilter) => [...ruleLibraryKeys.lists(), filter] as const,
  details: () => [...ruleLibraryKeys.all, 'detail'] as const,
  detail: (id: string) => [...ruleLibraryKeys.details(), id] as const,
};

/** `?q=…&tag=…`, with empty filters left out so equal filters share a cache entry. */
export function listSearchParams(filter: RuleListFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (typeof value === 'string' && value.trim() !== '') params.set(key, value.trim());
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

export function getRules(filter: RuleListFilter, signal?: AbortSignal): Promise<RuleList> {
  return libraryRequest<RuleList>(`/api/rules${listSearchParams(filter)}`, signal ? { signal } : {});
}

export function rulesQueryOptions(filter: RuleListFilter = {}) {
  return queryOptions({
    queryKey: ruleLibraryKeys.list(filter),
    queryFn: ({ signal }) => getRules(filter, signal),
    staleTime: 30_000,
    placeholderData: (previous) => previous,
  });
}

export function useRules(filter: RuleListFilter = {}, enabled = true) {
  return useQuery({ ...rulesQueryOptions(filter), enabled });
}
