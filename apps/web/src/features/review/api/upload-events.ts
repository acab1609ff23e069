import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, type ApiErrorBody } from '../../../lib/api-client.js';
import { corpusKeys } from '../../corpora/api/get-corpora.js';
import type { SharedEvent } from '../../share/types.js';

export interface UploadedCorpus {
  readonly corpus: { readonly id: string; readonly name: string; readonly eventCount: number };
}

/**
 * `POST /api/corpora` with the events as NDJSON: a fork of a fragment link needs its events in
 * a corpus on this server, since the workbench searches on the server.
 */
export async function uploadEvents(name: string, events: readonly SharedEvent[]): Promise<UploadedCorpus> {
  const body = events.map((e) => JSON.stringify(e._source)).join('\n');
  const params = new URLSearchParams({ name, format: 'ndjson', filename: 'shared-link.ndjson' });
  const response = await fetch(`/api/corpora?${params}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-ndjson', accept: 'application/json' },
    body,
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (!response.ok) {
    const errorBody = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as ApiErrorBody;
    throw new ApiError(response.status, errorBody, `${response.status} ${response.statusText}`);
  }
  return parsed as UploadedCorpus;
}

export function useUploadEvents() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ name, events }: { name: string; events: readonly SharedEvent[] }) =>
      uploadEvents(name, events),
    onSuccess: () => client.invalidateQueries({ queryKey: corpusKeys.all }),
  });
}
