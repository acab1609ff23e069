import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client.js';
import type { CorpusField } from '../types.js';
import { corpusKeys } from './get-corpora.js';

export async function getCorpusFields(corpus: string, signal?: AbortSignal): Promise<CorpusField[]> {
  const body = await apiGet<{ fields: CorpusField[] }>(
    `/api/corpora/${encodeURIComponent(corpus)}/fields`,
    signal,
  );
  return body.fields;
}

export const corpusFieldKeys = {
  fields: (corpus: string) => [...corpusKeys.all, corpus, 'fields'] as const,
};

export function corpusFieldsQueryOptions(corpus: string) {
  return queryOptions({
    queryKey: corpusFieldKeys.fields(corpus),
    queryFn: ({ signal }) => getCorpusFields(corpus, signal),
    staleTime: 5 * 60_000,
  });
}

/** Fields of the corpus for completion and hover; `undefined` corpus → nothing fetched. */
export function useCorpusFields(corpus: string | undefined) {
  return useQuery({ ...corpusFieldsQueryOptions(corpus ?? ''), enabled: corpus !== undefined });
}
