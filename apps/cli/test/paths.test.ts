import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli, tempDir, writeTemp } from './run-cli.js';

const seed = 'apps/server/rules/execution_suspicious_image_load_wmi_ms_office.toml';

/** A copy of the seed rule with one unknown field, so `check` prints exactly one path. */
function ruleWithOneWarning(): string {
  return readFileSync(join(repoRoot, seed), 'utf8').replace(
    'process.name : ("WINWORD.EXE"',
    'process.nmae : ("WINWORD.EXE"',
  );
}

/** The environment `pnpm rulebench …` typed in `dir` gives the CLI (it runs at the repo root). */
const pnpmFrom = (dir: string) => ({ INIT_CWD: dir, npm_package_json: join(repoRoot, 'package.json') });

describe('paths are the user’s', () => {
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = tempDir();
    file = writeTemp(dir, 'mine.toml', ruleWithOneWarning());
    writeTemp(
      dir,
      'events.ndjson',
      '{"@timestamp":"2024-01-01T00:00:00Z","event":{"category":"process"},"process":{"name":"a.exe"}}\n',
    );
  });

  it('check prints an absolute input as given, not relative to the repository', async () => {
    const result = await runCli(['check', file], { cwd: repoRoot });
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line.startsWith(`${file}:`)).toBe(true);
  });

  it('check reads a relative input from the folder pnpm was run in (INIT_CWD) and prints it as given', async () => {
    const result = await runCli(['check', 'mine.toml'], { cwd: repoRoot, env: pnpmFrom(dir) });
    expect(result.stderr).toMatch(/^1 file checked: /);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line.startsWith('mine.toml:')).toBe(true);
  });

  it('search reads --events relative to the folder pnpm was run in', async () => {
    const result = await runCli(['search', '--events', 'events.ndjson', '--query', 'process where true'], {
      cwd: repoRoot,
      env: pnpmFrom(dir),
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const response = JSON.parse(result.stdout) as { hits: { total: { value: number } } };
    expect(response.hits.total.value).toBe(1);
  });

  it('a CLI spawned elsewhere keeps its own folder even with INIT_CWD inherited', async () => {
    const result = await runCli(['check', 'mine.toml'], {
      cwd: dir,
      env: { INIT_CWD: repoRoot, npm_package_json: join(repoRoot, 'package.json') },
    });
    expect(result.stderr).toMatch(/^1 file checked: /);
  });
});
