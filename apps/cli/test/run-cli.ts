import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '../../..');
const main = join(repoRoot, 'apps/cli/src/main.ts');
const tsxCli = createRequire(join(repoRoot, 'package.json')).resolve('tsx/cli');

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real `rulebench` entry point, as `pnpm -s rulebench` does. */
export function runCli(
  args: readonly string[],
  options: { stdin?: string; cwd?: string; env?: Readonly<Record<string, string>> } = {},
): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [tsxCli, '--conditions=@rulebench/source', main, ...args], {
      cwd: options.cwd ?? repoRoot,
      ...(options.env && { env: { ...process.env, ...options.env } }),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'rulebench-cli-'));
}

export function writeTemp(dir: string, name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

export const sharedDir = process.env.RULEBENCH_SHARED ?? resolve(repoRoot, '../shared');
