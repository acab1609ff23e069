#!/usr/bin/env node
// Makes a fresh machine (Node 20 + npm only) ready: pnpm at the pinned version, the
// workspace dependencies, and, with --browser, Debian's Chromium for the browser tests.
// Every step is skipped when already satisfied, so `npm start` / `npm test` stay fast.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = '10.34.9';
const wantBrowser = process.argv.includes('--browser');

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  if (r.status !== 0) {
    console.error(`setup: '${cmd} ${args.join(' ')}' failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
}

function pnpmVersion() {
  try {
    return execFileSync('pnpm', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

if (pnpmVersion() !== PNPM_VERSION) {
  console.log(`setup: installing pnpm@${PNPM_VERSION}`);
  run('npm', ['install', '--global', `pnpm@${PNPM_VERSION}`]);
}

// Playwright must never fetch a browser: the tests use Debian's Chromium.
const env = { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };
run('pnpm', ['install', '--frozen-lockfile', '--prefer-offline', '--reporter=append-only'], { env });

if (wantBrowser && !existsSync('/usr/bin/chromium')) {
  if (typeof process.getuid === 'function' && process.getuid() === 0) {
    console.log("setup: installing Debian's chromium for the browser tests");
    run('apt-get', ['update', '-q']);
    run('apt-get', ['install', '-y', '-q', 'chromium'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } else {
    console.error('setup: /usr/bin/chromium is missing and this is not root; install Debian\'s chromium to run the browser tests');
  }
}
