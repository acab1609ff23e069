/**
 * Writes src/validate/ecs-event-types.ts: the `event.type` values ECS expects per
 * `event.category`, taken from `@elastic/ecs` so that browsers, which never load the full ECS
 * table, validate queries as the server and CLI do.
 *
 *   pnpm --filter @rulebench/rules run ecs:build
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ecsExpectedEventTypes } from '../src/validate/ecs.js';
import { renderEventTypesModule } from '../src/validate/ecs-event-types-render.js';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../..');
const file = join(here, '..', 'src', 'validate', 'ecs-event-types.ts');
writeFileSync(file, renderEventTypesModule(ecsExpectedEventTypes()));
execFileSync('pnpm', ['exec', 'biome', 'format', '--write', relative(repoRoot, file)], {
  cwd: repoRoot,
  stdio: 'inherit',
});
console.log(`${Object.keys(ecsExpectedEventTypes()).length} categories → ${relative(repoRoot, file)}`);
