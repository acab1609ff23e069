import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost } from '../../../lib/api-client.js';
import { permalinkKeys } from '../../review/api/get-permalink.js';
import type { CreatedPermalink, PermalinkBase, SnapshotInput } from '../types.js';

export interface CreatePermalinkRequest {
  readonly snapshot: SnapshotInput;
  /** Make the next version of this permalink instead of a new one. */
  readonly base?: PermalinkBase;
}

/** `POST /api/permalinks`: 201 for a new version, 200 when this state was already stored. */
export function createPermalink(request: CreatePermalinkRequest): Promise<CreatedPermalink> {
  return apiPost<CreatedPermalink>('/api/permalinks', {
    snapshot: request.snapshot,
    ...(request.base && { base: { id: request.base.id, version: request.base.version } }),
  });
}

export function useCreatePermalink() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: createPermalink,
    // The version list of this id (its "latest" view) has grown.
    onSuccess: (created) => client.invalidateQueries({ queryKey: permalinkKeys.one(created.id) }),
  });
}
