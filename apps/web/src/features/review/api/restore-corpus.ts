import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost } from '../../../lib/api-client.js';
import { corpusKeys } from '../../corpora/api/get-corpora.js';

export interface RestoredCorpus {
  readonly corpus: { readonly id: string; readonly name: string; readonly eventCount: number };
  /** False when a corpus with exactly these events already existed (that one is returned). */
  readonly created: boolean;
}

/**
 * `POST /api/permalinks/:id/:version/corpus`: the events a permalink version kept, back as a
 * corpus, so a fork searches what its author searched even after their corpus was deleted.
 */
export function restorePermalinkCorpus(id: string, version: number): Promise<RestoredCorpus> {
  return apiPost<RestoredCorpus>(`/api/permalinks/${id}/${version}/corpus`, {});
}

export function useRestorePermalinkCorpus() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) => restorePermalinkCorpus(id, version),
    onSuccess: () => client.invalidateQueries({ queryKey: corpusKeys.all }),
  });
}
