import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ruleLibraryKeys } from './get-rules.js';
import { libraryRequest } from './library-request.js';

/** `DELETE /api/rules/:id`: removes a user entry and every revision (bundled rules answer 409). */
export function deleteRule(id: string): Promise<void> {
  return libraryRequest<void>(`/api/rules/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function useDeleteRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: deleteRule,
    onSuccess: (_result, id) => {
      client.removeQueries({ queryKey: ruleLibraryKeys.detail(id) });
      void client.invalidateQueries({ queryKey: ruleLibraryKeys.lists() });
    },
  });
}
