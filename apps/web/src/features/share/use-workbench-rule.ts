import { useQuery } from '@tanstack/react-query';
import { defaultRuleQueryOptions } from '../rule/api/get-default-rule.js';
import type { WorkbenchSeed } from './workbench-seed.js';

/**
 * The rule the workbench edits: the server's default rule, or the one a fork carried. Both
 * come as a query result, so the workbench treats them alike.
 */
export function useWorkbenchRule(seed: WorkbenchSeed | undefined) {
  const options = defaultRuleQueryOptions();
  return useQuery({
    ...options,
    ...(seed && {
      queryKey: [...options.queryKey, 'fork', seed.origin] as unknown as typeof options.queryKey,
      queryFn: () => Promise.resolve(seed.rule),
      initialData: seed.rule,
    }),
  });
}
