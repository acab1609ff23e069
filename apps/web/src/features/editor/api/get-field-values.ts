import { queryOptions } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client.js';

export interface FieldValueCount {
  readonly value: string | number | boolean;
  /** Events of the corpus holding the value. */
  readonly count: number;
}

/** `GET /api/corpora/:id/fields/:field/values`: the field's most frequent values. */
export interface FieldValues {
  readonly field: string;
  readonly scanned: number;
  readonly present: number;
  readonly distinct: number;
  readonly values: readonly FieldValueCount[];
}

/** How many values completion offers for a field. */
export const FIELD_VALUES_LIMIT = 50;

export function getFieldValues(
  corpus: string,
  field: string,
  limit = FIELD_VALUES_LIMIT,
  signal?: AbortSignal,
): Promise<FieldValues> {
  const path = `/api/corpora/${encodeURIComponent(corpus)}/fields/${encodeURIComponent(field)}/values`;
  return apiGet<FieldValues>(`${path}?limit=${limit}`, signal);
}

export const fieldValueKeys = {
  all: ['field-values'] as const,
  field: (corpus: string, field: string) => [...fieldValueKeys.all, corpus, field] as const,
};

/** A corpus's content never changes, so its counts never go stale. */
export function fieldValuesQueryOptions(corpus: string, field: string) {
  return queryOptions({
    queryKey: fieldValueKeys.field(corpus, field),
    queryFn: ({ signal }) => getFieldValues(corpus, field, FIELD_VALUES_LIMIT, signal),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}
