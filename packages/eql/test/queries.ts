/** Real queries from ../shared for corpus-wide tests (empty when the folder is absent). */

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readToml, sharedPath } from './shared.js';

export interface NamedQuery {
  readonly name: string;
  readonly query: string;
}

/** Every `[rule] language = "eql"` query under ../shared/rules/rules. */
export function ruleQueries(dir: string | null = sharedPath('rules', 'rules')): NamedQuery[] {
  if (dir === null) return [];
  const found: NamedQuery[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.toml')) continue;
    const path = join(entry.parentPath, entry.name);
    const rule = (readToml(path).rule ?? {}) as { language?: string; query?: string };
    if (rule.language === 'eql' && typeof rule.query === 'string') {
      found.push({ name: path.slice(dir.length + 1), query: rule.query });
    }
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

/** Every active query of the Elasticsearch QA spec files. */
export function qaQueries(dir: string | null = sharedPath('eql-conformance', 'es-qa')): NamedQuery[] {
  if (dir === null) return [];
  const found: NamedQuery[] = [];
  for (const file of ['test_queries.toml', 'test_queries_date.toml', 'test_extra.toml']) {
    const queries = (readToml(join(dir, file)).queries ?? []) as { name: string; query: string }[];
    for (const entry of queries) found.push({ name: `${file}: ${entry.name}`, query: entry.query });
  }
  return found;
}
