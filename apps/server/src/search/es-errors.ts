/** An error body as Elasticsearch writes it, so its clients report it the usual way. */
export interface EsErrorBody {
  readonly error: {
    readonly root_cause: readonly {
      readonly type: string;
      readonly reason: string;
      readonly [key: string]: unknown;
    }[];
    readonly type: string;
    readonly reason: string;
    readonly [key: string]: unknown;
  };
  readonly status: number;
}

export function esError(
  status: number,
  type: string,
  reason: string,
  extra: Record<string, unknown> = {},
): EsErrorBody {
  const cause = { type, reason, ...extra };
  return { error: { root_cause: [cause], ...cause }, status };
}

export function indexNotFound(index: string): EsErrorBody {
  return esError(404, 'index_not_found_exception', `no such index [${index}]`, {
    'resource.type': 'index_or_alias',
    'resource.id': index,
    index,
  });
}
