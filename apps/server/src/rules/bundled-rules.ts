import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { decodeTomlRule, decodeUtf8, type Rule } from '@rulebench/rules';
import { entryFields, type RuleLibrary } from './rule-library.js';

export interface BundledSyncResult {
  readonly id: string;
  readonly status: 'created' | 'updated' | 'unchanged' | 'removed' | 'failed';
  readonly error?: string;
}

/** A bundled rule's entry id: its file name without `.toml`, when that makes a safe id. */
export function bundledRuleId(fileName: string): string | undefined {
  const stem = basename(fileName).replace(/\.toml$/i, '');
  return /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/.test(stem) ? stem : undefined;
}

/**
 * Brings the bundled entries in line with the `*.toml` files of `dir`: new files are added,
 * changed files become a new revision, files gone are removed. A file that cannot be read is
 * reported and leaves its stored entry as it was. Runs once at startup.
 */
export async function syncBundledRules(library: RuleLibrary, dir: string): Promise<BundledSyncResult[]> {
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.toLowerCase().endsWith('.toml'))
      .sort();
  } catch {
    files = [];
  }
  return library.store.writeLock.run(() => {
    const results: BundledSyncResult[] = [];
    const seen = new Set<string>();
    for (const file of files) {
      const id = bundledRuleId(file);
      if (!id) {
        results.push({ id: file, status: 'failed', error: 'the file name does not make a rule id' });
        continue;
      }
      seen.add(id);
      let text: string;
      let rule: Rule;
      try {
        text = decodeUtf8(readFileSync(join(dir, file)), file);
        rule = decodeTomlRule(text, file);
      } catch (error) {
        results.push({ id, status: 'failed', error: error instanceof Error ? error.message : String(error) });
        continue;
      }
      const { fields, revision } = entryFields({ rule, format: 'toml', original: text, origin: file });
      const entry = library.rules.get(id);
      if (entry && entry.source !== 'bundled') {
        results.push({ id, status: 'failed', error: `a user rule already has the id "${id}"` });
        continue;
      }
      if (!entry) {
        library.rules.create(id, 'bundled', fields, revision);
        results.push({ id, status: 'created' });
        continue;
      }
      const current = library.rules.getRevision(id, entry.revision);
      if (current?.original === text) {
        // Validation may have improved since the summary was written.
        library.rules.updateSummary(id, fields.summary);
        results.push({ id, status: 'unchanged' });
      } else {
        library.rules.append(id, fields, revision);
        results.push({ id, status: 'updated' });
      }
    }
    for (const entry of library.rules.list()) {
      if (entry.source === 'bundled' && !seen.has(entry.id)) {
        library.rules.delete(entry.id);
        results.push({ id: entry.id, status: 'removed' });
      }
    }
    return results;
  });
}
