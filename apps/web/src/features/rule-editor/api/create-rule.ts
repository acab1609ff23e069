import type { Rule, RuleDetail } from '@rulebench/rules';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ruleLibraryKeys } from '../../rule-library/api/get-rules.js';
import { libraryRequest } from '../../rule-library/api/library-request.js';

/** `POST /api/rules`: "save as", a new user entry (bundled rules are read-only). */
export function createRule(rule: Rule): Promise<RuleDetail> {
  return libraryRequest<RuleDetail>('/api/rules', { method: 'POST', json: { rule } });
}

export function useCreateRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: createRule,
    onSuccess: (detail) => {
      client.setQueryData(ruleLibraryKeys.detail(detail.id), detail);
      void client.invalidateQueries({ queryKey: ruleLibraryKeys.lists() });
    },
  });
}
