import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli, sharedDir, tempDir, writeTemp } from './run-cli.js';

const seed = 'apps/server/rules/execution_suspicious_image_load_wmi_ms_office.toml';

describe('rulebench check', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
  });

  it('passes the seed rule with no findings', async () => {
    const result = await runCli(['check', seed]);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '1 file checked: 0 errors, 0 warnings\n' });
  });

  it('maps a query syntax error to its line inside the TOML query block', async () => {
    const text = readFileSync(join(repoRoot, seed), 'utf8').replace(
      '  process.name : ("WINWORD.EXE"',
      '  process.name : ("WINWORD.EXE" ==',
    );
    const file = writeTemp(dir, 'broken.toml', text);
    const queryLine = text.split('\n').findIndex((l) => l.includes('("WINWORD.EXE" ==')) + 1;
    const result = await runCli(['check', basename(file)], { cwd: dir });
    expect(result.code).toBe(1);
    const [first] = result.stdout.split('\n');
    expect(first).toMatch(new RegExp(`^broken\\.toml:${queryLine}:\\d+: error: .+ \\[query-syntax\\]$`));
    const column = Number(first?.split(':')[2]);
    expect(
      text
        .split('\n')
        [queryLine - 1]?.slice(column - 1)
        .startsWith('=='),
    ).toBe(true);
  });

  it('reports field problems at their keys and exits 1 on errors', async () => {
    const text = readFileSync(join(repoRoot, seed), 'utf8')
      .replace('risk_score = 21', 'risk_score = 90')
      .replace('from = "now-9m"', 'from = "now-2m"')
      .replace('id = "TA0002"', 'id = "TA02"');
    const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.startsWith(needle)) + 1;
    const file = writeTemp(dir, 'fields.toml', text);
    const result = await runCli(['check', basename(file)], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout.trimEnd().split('\n')).toEqual([
      `fields.toml:${lineOf('from =')}:1: warning: The rule runs every 5m but looks back only 2m: events in a 3m gap between runs are never searched. [schedule-gap]`,
      `fields.toml:${lineOf('risk_score =')}:1: warning: risk_score 90 does not fit severity "low" (0–21). [severity-risk-mismatch]`,
      `fields.toml:${lineOf('id = "TA02"')}:1: error: tactic id "TA02" is not of the form TA0000. [attack-id]`,
    ]);
    expect(result.stderr).toBe('1 file checked: 1 error, 2 warnings\n');
  });

  it('checks the ATT&CK mapping against the bundled catalog: warnings, and notes for unknown ids', async () => {
    const text = readFileSync(join(repoRoot, seed), 'utf8')
      .replace('id = "T1047"\nname = "Windows Management Instrumentation"', 'id = "T1003"\nname = "Dumping"')
      .replace(
        'reference = "https://attack.mitre.org/techniques/T1047/"',
        'reference = "https://attack.mitre.org/techniques/T1003/"',
      )
      .replace(
        '[rule.threat.tactic]',
        '[[rule.threat.technique]]\nid = "T1999"\nname = "Not Mapped Yet"\nreference = "https://attack.mitre.org/techniques/T1999/"\n\n[rule.threat.tactic]',
      );
    const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.startsWith(needle)) + 1;
    const file = writeTemp(dir, 'attack.toml', text);
    const result = await runCli(['check', basename(file)], { cwd: dir });
    expect(result.code).toBe(0);
    const catalog = 'the bundled ATT&CK catalog (the techniques the published Elastic rules map)';
    expect(result.stdout.trimEnd().split('\n')).toEqual([
      `attack.toml:${lineOf('id = "T1003"')}:1: warning: technique T1003 "OS Credential Dumping" is not listed under tactic TA0002 Execution in ${catalog}; it has it under TA0006 Credential Access. [attack-tactic]`,
      `attack.toml:${lineOf('name = "Dumping"')}:1: warning: technique T1003 is named "OS Credential Dumping", not "Dumping". [attack-name]`,
      `attack.toml:${lineOf('id = "T1999"')}:1: info: technique T1999 is not in ${catalog}; its name and tactics are not checked. [attack-unknown]`,
    ]);
    expect(result.stderr).toBe('1 file checked: 0 errors, 2 warnings, 1 note\n');
  });

  it('reports malformed TOML with its position', async () => {
    const file = writeTemp(dir, 'bad.toml', '[rule]\nname = "x\n');
    const result = await runCli(['check', basename(file)], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^bad\.toml:2:\d+: error: .+ \[syntax\]\n$/);
  });

  it('checks .eql files against ECS', async () => {
    const file = writeTemp(dir, 'q.eql', 'process where\n  process.nmae == "x" and ?custom.field == 1\n');
    const result = await runCli(['check', basename(file)], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      'q.eql:2:3: warning: Unknown field "process.nmae": not in ECS nor in the fields of the rule\'s index patterns. Did you mean "process.name"? Write ?process.nmae if it is expected to be missing. [unknown-field]\n',
    );
  });

  it('checks a Kibana NDJSON export, skipping exception lists and the summary', async () => {
    const rule = {
      rule_id: '2cc8f325-e1b1-4201-8b8d-88a51c94992b',
      name: 'r',
      description: 'd',
      type: 'eql',
      language: 'eql',
      index: ['logs-*'],
      query: 'process where true',
      risk_score: 21,
      severity: 'low',
    };
    const lines = [
      JSON.stringify(rule),
      JSON.stringify({ list_id: 'l', namespace_type: 'single', type: 'detection' }),
      JSON.stringify({ exported_count: 2 }),
      '{oops',
    ];
    const file = writeTemp(dir, 'export.ndjson', `${lines.join('\n')}\n`);
    const result = await runCli(['check', basename(file)], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^export\.ndjson:4:1: error: invalid JSON: .+ \[syntax\]\n$/);
  });

  it('fails on a directory holding no rule or query files, and still checks the other paths', async () => {
    const dir = tempDir();
    writeTemp(dir, 'notes.txt', 'not a rule');
    const query = writeTemp(tempDir(), 'ok.eql', 'process where process.name == "cmd.exe"\n');
    const result = await runCli(['check', dir, query]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      `${dir}: error: no rule or query files (.toml, .ndjson, .jsonl, .eql) under it [no-files]\n`,
    );
    expect(result.stderr).toBe('1 file checked: 1 error, 0 warnings\n');
  });

  it('names --non-ecs-schema and says in words why it cannot be read', async () => {
    const query = writeTemp(tempDir(), 'ok.eql', 'process where true\n');
    const missing = join(tempDir(), 'absent.json');
    const absent = await runCli(['check', '--non-ecs-schema', missing, query]);
    expect(absent.code).toBe(1);
    expect(absent.stderr).toBe(`--non-ecs-schema ${missing}: cannot read the non-ECS schema: no such file\n`);
    const broken = writeTemp(tempDir(), 'schema.json', '{"logs-*": ');
    const invalid = await runCli(['check', '--non-ecs-schema', broken, query]);
    expect(invalid.stderr).toBe(
      `--non-ecs-schema ${broken}: cannot read the non-ECS schema: not valid JSON (Unexpected end of JSON input)\n`,
    );
  });

  it('exits 2 with usage on a bad flag', async () => {
    const result = await runCli(['check', '--nope', seed]);
    expect(result.code).toBe(2);
    expect(result.stderr.startsWith('rulebench check: unknown option --nope\n\nUsage: rulebench check')).toBe(
      true,
    );
  });
});

const windows = join(sharedDir, 'rules/rules/windows');
const hasShared = existsSync(windows);
if (!hasShared)
  console.warn(`[cli tests] SKIPPING shared-rule checks: ${windows} is absent (set RULEBENCH_SHARED)`);

describe.skipIf(!hasShared)('rulebench check on every shared rule', () => {
  it('finds no error', async () => {
    const result = await runCli([
      'check',
      '--quiet',
      '--non-ecs-schema',
      join(sharedDir, 'rules/detection_rules/etc/non-ecs-schema.json'),
      windows,
      join(sharedDir, 'rules/detection_rules/etc/custom-consolidated-rules.ndjson'),
    ]);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^488 files checked: 0 errors, \d+ warnings\n$/);
    expect(result.code).toBe(0);
  });
});
