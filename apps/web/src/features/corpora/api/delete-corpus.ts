import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.js';
import { corpusKeys } from './get-corpora.js';

/** `DELETE /api/corpora/:id`; bundled corpora answer 409 `corpus_read_only`. */
export async function deleteCorpus(id: string): Promise<void> {
  await apiRequest<undefined>(`/api/corpora/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function useDeleteCorpus() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteCorpus(id),
    onSuccess: (_data, id) => {
      client.removeQueries({ queryKey: [...corpusKeys.all, id] });
      return client.invalidateQueries({ queryKey: corpusKeys.list() });
    },
  });
}
