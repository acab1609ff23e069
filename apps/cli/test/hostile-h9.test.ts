import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, sharedDir, tempDir, writeTemp } from './run-cli.js';

const EVTX = join(
  sharedDir,
  'datasets/sbousseaden-EVTX-ATTACK-SAMPLES/Credential Access/sysmon_10_1_memdump_comsvcs_minidump.evtx',
);
const hasEvtx = existsSync(EVTX);
if (!hasEvtx) console.warn(`[cli hostile tests] SKIPPING the corrupt EVTX import: ${EVTX} is absent`);

/** The EVTX file with record `n` of its first chunk made unreadable (its size field zeroed). */
function corruptRecord(bytes: Uint8Array, n: number): { bytes: Uint8Array; offset: number } {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  let at = 0x1000 + 0x200;
  for (let i = 1; i < n; i++) at += view.getUint32(at + 4, true);
  view.setUint32(at + 4, 0, true);
  return { bytes: out, offset: at - 0x1000 };
}

const OUT_OF_RANGE = 'is out of range (dates must be within ±8.64e15 ms of 1970)';

describe('rulebench import on hostile input', () => {
  it('refuses timestamps out of the date range, naming them as written', async () => {
    const dir = tempDir();
    const input = writeTemp(
      dir,
      'ts.ndjson',
      '{"@timestamp":"2024-01-01T00:00:00Z"}\n{"@timestamp":-99999999999999999}\n{"@timestamp":1e400}\n',
    );
    const out = join(dir, 'out.ndjson');
    const result = await runCli(['import', input, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `${input}:2: @timestamp -99999999999999999 ${OUT_OF_RANGE}\n${input}:3: @timestamp 1e400 ${OUT_OF_RANGE}\n`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('says in one line when --out cannot be written, exits 1 and leaves no file behind', async () => {
    const dir = tempDir();
    const input = writeTemp(dir, 'ok.ndjson', '{"@timestamp":"2024-01-01T00:00:00Z"}\n');
    const sub = join(dir, 'sub');
    mkdirSync(sub);
    const cases: Array<[string, string]> = [
      ['/nonexistent/dir/x.ndjson', '--out /nonexistent/dir/x.ndjson: no such directory: /nonexistent/dir\n'],
      ['/proc/version', '--out /proc/version: cannot create a file in /proc\n'],
      [sub, `--out ${sub}: is a directory\n`],
    ];
    for (const [out, message] of cases) {
      const result = await runCli(['import', input, '--out', out]);
      expect(result.stderr).toBe(message);
      expect(result.code).toBe(1);
    }
    expect(readdirSync(dir).sort()).toEqual(['ok.ndjson', 'sub']);
    expect(readdirSync(sub)).toEqual([]);
  });
});

describe('rulebench check on hostile rules', () => {
  it('reports a rule nesting 50,000 levels deep at its line and goes on with the other files', async () => {
    const dir = tempDir();
    const header =
      '{"rule_id":"0f93cb9a-1931-48c2-8cd0-00000000dddd","name":"deep","description":"d","type":"eql","language":"eql","query":"process where true","risk_score":21,"severity":"low"';
    writeTemp(dir, 'a-deep.ndjson', `${header},"meta":${'['.repeat(50_000)}${']'.repeat(50_000)}}\n`);
    writeTemp(dir, 'b-bad.ndjson', `${header.replace('"risk_score":21', '"risk_score":"x"')}}\n`);
    const result = await runCli(['check', dir]);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')).toEqual([
      `${join(dir, 'a-deep.ndjson')}:1:1: error: meta: nests deeper than 100 levels [too-large]`,
      `${join(dir, 'b-bad.ndjson')}:1:1: error: risk_score: expected an integer, found a string [wrong-type]`,
      '',
    ]);
    expect(result.stderr).toBe('2 files checked: 2 errors, 0 warnings\n');
  });
});

describe.skipIf(!hasEvtx)('rulebench import of a corrupt EVTX file', () => {
  it('names the corrupt record and how many records were lost; fails unless --skip-bad', async () => {
    const dir = tempDir();
    const { bytes, offset } = corruptRecord(new Uint8Array(readFileSync(EVTX)), 5);
    const input = join(dir, 'corrupt.evtx');
    writeFileSync(input, bytes);
    const out = join(dir, 'out.ndjson');
    const message = `evtx: chunk 1: record 5 (offset 0x${offset.toString(16)}) is corrupt; 2 records not read`;
    const failed = await runCli(['import', input, '--out', out]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toBe(`${input}: record 5: ${message}\n`);
    expect(existsSync(out)).toBe(false);
    const skipped = await runCli(['import', input, '--out', out, '--skip-bad']);
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toBe(`${input}: record 5: skipped: ${message}\n`);
    expect(readFileSync(out, 'utf8').trimEnd().split('\n')).toHaveLength(4);
  });
});
