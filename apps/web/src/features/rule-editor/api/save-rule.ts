import type { Rule, SaveResult } from '@rulebench/rules';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ruleLibraryKeys } from '../../rule-library/api/get-rules.js';
import { libraryRequest } from '../../rule-library/api/library-request.js';

export interface SaveRuleRequest {
  readonly id: string;
  readonly rule: Rule;
  /** The revision the edits started from; the server refuses (409) if someone saved meanwhile. */
  readonly expectedRevision: number;
}

/** `PUT /api/rules/:id`: a new revision of a user entry (unchanged rules make none). */
export function saveRule(request: SaveRuleRequest): Promise<SaveResult> {
  return libraryRequest<SaveResult>(`/api/rules/${encodeURIComponent(request.id)}`, {
    method: 'PUT',
    json: { rule: request.rule, expected_revision: request.expectedRevision },
  });
}

export function useSaveRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: saveRule,
    onSuccess: (result) => {
      client.setQueryData(ruleLibraryKeys.detail(result.rule.id), result.rule);
      void client.invalidateQueries({ queryKey: ruleLibraryKeys.lists() });
    },
  });
}
