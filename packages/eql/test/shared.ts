/** Locates `../shared` (overridable with RULEBENCH_SHARED) for tests that read real data. */

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseToml } from 'smol-toml';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export const sharedDir = process.env.RULEBENCH_SHARED ?? resolve(repoRoot, '../shared');

/** The path inside the shared folder, or `null` (with a loud warning) when it is absent. */
export function sharedPath(...parts: string[]): string | null {
  const path = join(sharedDir, ...parts);
  if (existsSync(path)) return path;
  console.warn(`[eql tests] ${path} not found: the tests that need it are SKIPPED (set RULEBENCH_SHARED).`);
  return null;
}

/**
 * TOML from the conformance suites. Some files hold bare `null` in arrays, which strict TOML
 * rejects; the README says to read it as the string "null".
 */
export function readToml(path: string): Record<string, unknown> {
  const text = readFileSync(path, 'utf8')
    .split('\n')
    .map((line) => (/^\s*join_keys\s*=/.test(line) ? line.replace(/\bnull\b(?!")/g, '"null"') : line))
    .join('\n');
  return parseToml(text) as Record<string, unknown>;
}
