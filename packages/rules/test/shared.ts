import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '../../..');

/** `<repo>/../shared`, or `$RULEBENCH_SHARED`. */
export const sharedDir = process.env.RULEBENCH_SHARED ?? resolve(repoRoot, '../shared');

export function sharedPath(...parts: string[]): string {
  return join(sharedDir, ...parts);
}

export function hasShared(...parts: string[]): boolean {
  const ok = existsSync(sharedPath(...parts));
  if (!ok) console.warn(`[rules tests] SKIPPING: ${sharedPath(...parts)} is absent (set RULEBENCH_SHARED)`);
  return ok;
}

export const windowsRulesDir = sharedPath('rules', 'rules', 'windows');

export function windowsRuleFiles(): string[] {
  return existsSync(windowsRulesDir)
    ? readdirSync(windowsRulesDir)
        .filter((f) => f.endsWith('.toml'))
        .sort()
        .map((f) => join(windowsRulesDir, f))
    : [];
}

export const seedRulePath = join(
  repoRoot,
  'apps/server/rules/execution_suspicious_image_load_wmi_ms_office.toml',
);
