import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, sharedDir, tempDir, writeTemp } from './run-cli.js';

const present = existsSync(join(sharedDir, 'datasets'));
if (!present)
  console.warn(`[cli tests] SKIPPING import/search on real files: ${sharedDir}/datasets is absent`);

const D = join(sharedDir, 'datasets');
const COMSVCS = join(
  D,
  'sbousseaden-EVTX-ATTACK-SAMPLES/Credential Access/sysmon_10_1_memdump_comsvcs_minidump.evtx',
);
const XSL_ZIP = join(
  D,
  'OTRF-Security-Datasets/datasets/atomic/windows/defense_evasion/host/wmic_remote_xsl_jscript.zip',
);

const eql: Record<string, unknown> = await import('@rulebench/eql');
const hasEngine = typeof eql.compile === 'function';

describe.skipIf(!present)('rulebench import (spawned, real files)', () => {
  it('converts an EVTX file and a Security-Datasets zip to one ECS NDJSON file and prints the counts', async () => {
    const out = join(tempDir(), 'out.ndjson');
    const result = await runCli(['import', COMSVCS, XSL_ZIP, '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        'input                                      format        read  written  rejected',
        'sysmon_10_1_memdump_comsvcs_minidump.evtx  evtx             6        6         0',
        'wmic_remote_xsl_jscript.zip                zip › ndjson  1364     1364         0',
        'total                                                    1370     1370         0',
        `wrote 1370 events to ${out}`,
        '',
      ].join('\n'),
    );
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(1370);
    const first = JSON.parse(lines[0] ?? '{}');
    expect(first['@timestamp']).toBe('2019-08-30T12:54:07.823Z');
    expect(first.process.name).toBe('cscript.exe');
    expect(first.host.os.type).toBe('windows');
  });

  it('fails on a bad record, naming its position, and writes nothing; --skip-bad writes the rest', async () => {
    const dir = tempDir();
    const input = join(dir, 'mixed.ndjson');
    writeFileSync(input, '{"@timestamp":"2024-01-01T00:00:00Z","a":1}\n{nope\n[1]\n');
    const out = join(dir, 'out.ndjson');
    const failed = await runCli(['import', input, '--out', out]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toBe(
      `${input}:2:2: invalid JSON: Expected property name or '}'\n${input}:3: expected a JSON object, found an array\n`,
    );
    expect(failed.stdout.split('\n').slice(-2)).toEqual([
      'nothing written: 2 bad records; fix them, or run again with --skip-bad',
      '',
    ]);
    expect(readdirSync(dir)).toEqual(['mixed.ndjson']);
    const skipped = await runCli(['import', input, '--out', out, '--skip-bad']);
    expect(skipped.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe('{"@timestamp":"2024-01-01T00:00:00Z","a":1}\n');
  });

  it('counts nothing as written when it removed the file, and says what already went to stdout', async () => {
    const dir = tempDir();
    const input = writeTemp(dir, 'bad.ndjson', '{"a":1}\n{"a":\n{"a":3}\n');
    const toFile = await runCli(['import', input, '--out', join(dir, 'out.ndjson')]);
    expect(toFile.code).toBe(1);
    expect(toFile.stdout).toBe(
      'input       format  read  written  rejected\n' +
        'bad.ndjson  ndjson     3        0         1\n' +
        'nothing written: 1 bad record; fix them, or run again with --skip-bad\n',
    );
    const toStdout = await runCli(['import', input, '--out', '-']);
    expect(toStdout.code).toBe(1);
    expect(toStdout.stdout).toBe('{"a":1}\n');
    expect(toStdout.stderr.split('\n').slice(-3)).toEqual([
      'bad.ndjson  ndjson     3        1         1',
      'incomplete: only 1 event written to stdout: 1 bad record; fix them, or run again with --skip-bad',
      '',
    ]);
  });

  it('exits 1 on an unreadable input and 2 on a bad command line', async () => {
    const dir = tempDir();
    const zip = join(dir, 'cut.zip');
    writeFileSync(zip, readFileSync(XSL_ZIP).subarray(0, 50_000));
    const cut = await runCli(['import', zip, '--out', join(dir, 'o.ndjson')]);
    expect(cut.code).toBe(1);
    expect(cut.stderr).toBe(`${zip}: zip: archive is truncated or corrupt (invalid zip data)\n`);
    expect((await runCli(['import', zip])).code).toBe(2);
    expect((await runCli(['import', '--out', 'x'])).code).toBe(2);
  });
});

describe.skipIf(!present || !hasEngine)('rulebench search on any input (spawned, real files)', () => {
  it('searches an EVTX file directly', async () => {
    const result = await runCli([
      'search',
      '--events',
      COMSVCS,
      '--query',
      'process where process.name : "rundll32.exe" and process.args : "MiniDump"',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const response = JSON.parse(result.stdout);
    expect(response.hits.events.map((e: { _index: string; _id: string }) => [e._index, e._id])).toEqual([
      ['sysmon_10_1_memdump_comsvcs_minidump.evtx', '4'],
    ]);
  });

  it('searches a zipped Security-Datasets file directly, ids naming the member and line', async () => {
    const result = await runCli([
      'search',
      '--events',
      XSL_ZIP,
      '--query',
      'library where process.name : "wmic.exe" and dll.name : "jscript.dll"',
    ]);
    expect(result.code).toBe(0);
    const response = JSON.parse(result.stdout);
    expect(response.hits.total.value).toBe(1);
    expect(response.hits.events[0]._id).toMatch(/^wmic_remote_xsl_jscript_2020-10-1802171958\.json:\d+$/);
  });
});
