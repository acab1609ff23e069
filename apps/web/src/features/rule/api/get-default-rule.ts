import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client.js';
import type { Rule } from '../types.js';

export function getDefaultRule(signal?: AbortSignal): Promise<Rule> {
  return apiGet<Rule>('/api/rules/default', signal);
}

export const ruleKeys = {
  all: ['rules'] as const,
  default: () => [...ruleKeys.all, 'default'] as const,
};

export function defaultRuleQueryOptions() {
  return queryOptions({
    queryKey: ruleKeys.default(),
    queryFn: ({ signal }) => getDefaultRule(signal),
    // The rule only changes when the user edits or imports one; never refetch behind their back.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useDefaultRule() {
  return useQuery(defaultRuleQueryOptions());
}
