import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the nearest ancestor of this module with a pnpm-workspace.yaml. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('repository root not found');
    dir = parent;
  }
}

/** `../shared` beside the repository, or RULEBENCH_SHARED; undefined when absent. */
export function sharedDir(): string | undefined {
  const dir = process.env.RULEBENCH_SHARED ?? resolve(repoRoot(), '..', 'shared');
  return existsSync(dir) ? dir : undefined;
}
