// Makes a fresh machine (Node 20 + npm only) ready: pnpm at the pinned version, the
// workspace dependencies, and, for the browser tests, Debian's Chromium. Every step is
// skipped when already satisfied, so `npm start` / `npm test` stay fast on a second run.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = '10.34.9';

export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  if (r.status !== 0) {
    console.error(`rulebench: '${cmd} ${args.join(' ')}' failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
}

function pnpmVersion(env) {
  try {
    return execFileSync('pnpm', ['--version'], {
      encoding: 'utf8',
      env,
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return null;
  }
}

function hasPythonEvtx() {
  return spawnSync('/usr/bin/python3', ['-c', 'import Evtx.Evtx'], { stdio: 'ignore' }).status === 0;
}

/** Returns the environment for every later step (PATH reaches pnpm; no browser downloads). */
export function setup({ browser = false } = {}) {
  // npm's global bin folder goes on PATH so a pnpm installed just now is found by children.
  const globalPrefix = execFileSync('npm', ['prefix', '--global'], { encoding: 'utf8' }).trim();
  const globalBin = process.platform === 'win32' ? globalPrefix : join(globalPrefix, 'bin');
  const env = {
    ...process.env,
    PATH: `${globalBin}${delimiter}${process.env.PATH ?? ''}`,
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
  };

  if (pnpmVersion(env) !== PNPM_VERSION) {
    console.log(`rulebench: installing pnpm@${PNPM_VERSION}`);
    run('npm', ['install', '--global', `pnpm@${PNPM_VERSION}`], { env });
  }
  run('pnpm', ['install', '--frozen-lockfile', '--prefer-offline', '--reporter=append-only'], { env });

  // The tests need Debian's Chromium, and python-evtx as an independent EVTX decoder to compare with.
  const missing = [];
  if (browser && !existsSync('/usr/bin/chromium')) missing.push('chromium');
  if (browser && !hasPythonEvtx()) missing.push('python3-evtx');
  if (missing.length > 0) {
    if (typeof process.getuid === 'function' && process.getuid() === 0) {
      console.log(`rulebench: installing Debian's ${missing.join(' and ')} for the tests`);
      const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
      run('apt-get', ['update', '-q'], { env: aptEnv });
      run('apt-get', ['install', '-y', '-q', ...missing], { env: aptEnv });
    } else {
      console.error(
        `rulebench: ${missing.join(' and ')} missing and this is not root: install them with apt`,
      );
    }
  }
  return env;
}
