import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.js';
import type { Corpus } from '../types.js';
import { corpusKeys } from './get-corpora.js';

/** `PATCH /api/corpora/:id`; bundled corpora answer 409 `corpus_read_only`. */
export function renameCorpus(id: string, name: string): Promise<Corpus> {
  return apiRequest<Corpus>(`/api/corpora/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: JSON.stringify({ name }),
  });
}

export function useRenameCorpus() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, name }: { id: string; name: string }) => renameCorpus(id, name),
    onSuccess: () => client.invalidateQueries({ queryKey: corpusKeys.list() }),
  });
}
