/** Filter choices offered by the library, from what the stored rules actually use. */
import type { AttackRef, ImportedOther, RuleListItem } from '@rulebench/rules';

export interface LibraryFacets {
  /** Tags, most used first, then alphabetically. */
  readonly tags: readonly string[];
  readonly tactics: readonly AttackRef[];
  readonly types: readonly string[];
}

export function libraryFacets(rules: readonly RuleListItem[]): LibraryFacets {
  const tagCounts = new Map<string, number>();
  const tactics = new Map<string, string>();
  const types = new Set<string>();
  for (const rule of rules) {
    for (const tag of rule.tags) tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
    for (const tactic of rule.tactics) if (!tactics.has(tactic.id)) tactics.set(tactic.id, tactic.name);
    types.add(rule.type);
  }
  return {
    tags: [...tagCounts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([tag]) => tag),
    tactics: [...tactics].map(([id, name]) => ({ id, name })).sort((a, b) => a.id.localeCompare(b.id)),
    types: [...types].sort(),
  };
}

const KIND_NAMES: Readonly<Record<string, readonly [string, string]>> = {
  exception_list: ['exception list', 'exception lists'],
  exception_list_item: ['exception list item', 'exception list items'],
  action_connector: ['connector', 'connectors'],
  export_summary: ['export summary', 'export summaries'],
};

/** "2 exception lists, 2 exception list items, 1 connector, export summary". */
export function describeOthers(others: readonly ImportedOther[]): string {
  const counts = new Map<string, number>();
  for (const other of others) counts.set(other.kind, (counts.get(other.kind) ?? 0) + 1);
  return [...counts]
    .map(([kind, n]) => {
      const [one, many] = KIND_NAMES[kind] ?? [kind.replace(/_/g, ' '), `${kind.replace(/_/g, ' ')}s`];
      if (kind === 'export_summary' && n === 1) return one;
      return `${n} ${n === 1 ? one : many}`;
    })
    .join(', ');
}

/** What importing a rule did (or, in a dry run, would do), in words. */
export function describeStatus(status: string, dryRun: boolean): string {
  switch (status) {
    case 'created':
      return dryRun ? 'new' : 'imported';
    case 'updated':
      return dryRun ? 'changed: a new revision of your copy' : 'saved as a new revision of your copy';
    case 'unchanged':
      return 'already in the library, identical';
    case 'skipped':
      return 'not chosen';
    default:
      return status;
  }
}
