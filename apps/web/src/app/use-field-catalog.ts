import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useCorpusFields } from '../features/corpora/api/get-corpus-fields.js';
import { buildFieldCatalog, type FieldCatalog, loadEcsRows } from '../features/editor/field-catalog.js';

/**
 * ECS (loaded lazily, once) merged with the current corpus's fields, for completion, hover and
 * schema warnings. `ready` once both have loaded (warnings before that would be false alarms).
 */
export function useFieldCatalog(corpus: string | undefined): { catalog: FieldCatalog; ready: boolean } {
  const ecs = useQuery({
    queryKey: ['ecs-fields'],
    queryFn: loadEcsRows,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
  const fields = useCorpusFields(corpus);
  const catalog = useMemo(
    () => buildFieldCatalog(ecs.data ?? [], fields.data ?? []),
    [ecs.data, fields.data],
  );
  return { catalog, ready: ecs.isSuccess && fields.isSuccess };
}
