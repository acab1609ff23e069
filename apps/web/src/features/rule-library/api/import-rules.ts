import type { ImportResult } from '@rulebench/rules';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ruleLibraryKeys } from './get-rules.js';
import { libraryRequest } from './library-request.js';

export interface ImportRequest {
  /** The file itself: TOML or a Kibana NDJSON export. */
  readonly body: Blob | string;
  readonly fileName?: string;
  readonly format?: 'toml' | 'ndjson';
  readonly dryRun: boolean;
  /** Lines of the rules to import from a multi-rule file; absent imports all. */
  readonly lines?: readonly number[];
}

export function importQuery(request: Omit<ImportRequest, 'body'>): string {
  const params = new URLSearchParams();
  if (request.fileName) params.set('filename', request.fileName);
  if (request.format) params.set('format', request.format);
  if (request.dryRun) params.set('dry_run', 'true');
  for (const line of request.lines ?? []) params.append('line', String(line));
  return `?${params.toString()}`;
}

export function importRules(request: ImportRequest): Promise<ImportResult> {
  return libraryRequest<ImportResult>(`/api/rules/import${importQuery(request)}`, {
    method: 'POST',
    raw: request.body,
  });
}

export function useImportRules() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: importRules,
    onSuccess: (result) => {
      if (result.dry_run) return;
      void client.invalidateQueries({ queryKey: ruleLibraryKeys.all });
    },
  });
}
