#!/usr/bin/env node
// `npm test`: installs what is missing, then runs every suite (Vitest: unit + integration; Playwright: browser) and ends with one
// plain line "N passed, N failed" summing them, which CI reads. The exit code is non-zero
// when any suite fails or reports nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { root, setup } from './setup.mjs';

const baseEnv = setup({ browser: true });
const reports = join(root, 'node_modules', '.test-reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const env = { ...baseEnv, FORCE_COLOR: process.env.CI ? '0' : '1' };
const totals = { passed: 0, failed: 0, skipped: 0 };
let exitCode = 0;

function step(name, cmd, args, extraEnv = {}) {
  console.log(`\n── ${name} ──`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, env: { ...env, ...extraEnv } });
  if (r.status !== 0) exitCode = 1;
  return r.status === 0;
}

function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

// Unit and integration tests (Vitest).
const vitestJson = join(reports, 'vitest.json');
step('unit and integration tests (vitest)', 'pnpm', [
  'exec',
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
const v = readJson(vitestJson);
if (v) {
  totals.passed += v.numPassedTests;
  totals.failed += v.numFailedTests;
  // A file that fails before its tests run (an import or a describe body throwing) has no
  // failed test to count: count the file itself, so the summary never reads "0 failed" then.
  totals.failed += v.testResults.filter(
    (f) => f.status === 'failed' && f.assertionResults.length === 0,
  ).length;
  totals.skipped += v.numPendingTests + (v.numTodoTests ?? 0);
} else {
  console.error('vitest wrote no report');
  exitCode = 1;
}

// Browser tests (Playwright in Debian's Chromium) against the built server.
if (step('build', 'pnpm', ['-s', 'run', 'build'])) {
  const pwJson = join(reports, 'playwright.json');
  step(
    'browser tests (playwright)',
    'pnpm',
    ['-s', '--filter', '@rulebench/e2e', 'exec', 'playwright', 'test', '--reporter=list,json'],
    {
      PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson,
    },
  );
  const p = readJson(pwJson);
  if (p) {
    totals.passed += p.stats.expected;
    totals.failed += p.stats.unexpected + p.stats.flaky;
    totals.skipped += p.stats.skipped;
  } else {
    console.error('playwright wrote no report');
    exitCode = 1;
  }
}

if (totals.passed === 0) exitCode = 1;
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(exitCode);
