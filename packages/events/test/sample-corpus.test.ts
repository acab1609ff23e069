import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSampleCorpus, repoRoot } from '../src/node/index.js';
import { SHARED, warnIfNoShared } from './support/datasets.js';

const CORPORA = join(repoRoot(), 'apps', 'server', 'corpora');
const skip = warnIfNoShared('sample corpus determinism guard');

describe.skipIf(skip)('bundled sample corpus', () => {
  it('is exactly what the build script produces now (byte for byte)', async () => {
    const built = await buildSampleCorpus(SHARED as string);
    const committed = join(CORPORA, 'sysmon-sample.ndjson');
    expect(existsSync(committed), 'run pnpm --filter @rulebench/server run corpus:build').toBe(true);
    // Compare lengths and a digest-like summary first, so a mismatch does not print 5 MB.
    const now = readFileSync(committed, 'utf8');
    expect(now.length).toBe(built.ndjson.length);
    expect(now === built.ndjson).toBe(true);
    expect(readFileSync(join(CORPORA, 'sysmon-sample.json'), 'utf8')).toBe(
      `${JSON.stringify(built.manifest, null, 2)}\n`,
    );
    expect(readFileSync(join(CORPORA, 'PROVENANCE.md'), 'utf8')).toBe(built.provenance);
  });

  it('holds exactly the three edited positives of the seed rule', async () => {
    const built = await buildSampleCorpus(SHARED as string);
    expect(built.manifest.events).toBe(1779);
    expect(built.positives.map((p) => [p.timestamp, p.processName, p.dllPath])).toEqual([
      ['2020-08-06T07:56:41.392Z', 'WINWORD.EXE', 'C:\\Windows\\System32\\wbem\\wmiutils.dll'],
      ['2020-09-17T21:46:12.230Z', 'EXCEL.EXE', 'C:\\Windows\\SysWOW64\\wbem\\wmiutils.dll'],
      ['2020-09-18T19:00:26.576Z', 'EXCEL.EXE', 'C:\\Windows\\SysWOW64\\wbem\\wmiutils.dll'],
    ]);
    expect(built.counts.map((c) => [c.source.id, c.taken])).toEqual([
      ['excel4macro', 1168],
      ['registerxll', 188],
      ['regsvr32', 283],
      ['wmic-xsl', 139],
      ['sharpwmi', 1],
    ]);
  });
});
