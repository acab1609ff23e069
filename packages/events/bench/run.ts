// Benchmarks of issue 5, reported as ratios measured in one run (not timed tests):
//   1. EVTX → ECS NDJSON per record, ours vs Debian's python3-evtx (evtx_dump.py), same files;
//   2. NDJSON import into SQLite (the server's real import path) vs plain JSON.parse, same file:
//      raw Windows JSON lines (mapped to ECS) and ECS NDJSON (kept as is). See BENCHMARKS.md.
// Run: pnpm --filter @rulebench/events run bench [-- --import-only]
//      (needs ../shared/datasets; section 1 also python3-evtx)
import { execFileSync, spawnSync } from 'node:child_process';
import {
  createWriteStream,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readZipEntries } from '../src/index.js';
import { readEventsFromFile, readFileChunks, repoRoot, sharedDir } from '../src/node/index.js';
import { describeRatios, measureImport } from './import-ndjson.js';

const here = dirname(fileURLToPath(import.meta.url));
const shared = sharedDir();
if (!shared) {
  console.error('bench: ../shared (or RULEBENCH_SHARED) is absent');
  process.exit(1);
}
const EVTX_DUMP = '/usr/bin/evtx_dump.py';
const PYTHON = '/usr/bin/python3';
const BACKDOOR = join(
  shared,
  'datasets/OTRF-Security-Datasets/datasets/atomic/windows/defense_evasion/host/empire_wmic_add_user_backdoor.zip',
);

function* evtxFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* evtxFiles(path);
    else if (name.endsWith('.evtx')) yield path;
  }
}

const rows: string[][] = [];
const row = (...cells: string[]) => rows.push(cells);

// 1. EVTX → ECS NDJSON ------------------------------------------------------------------------
const files = [...evtxFiles(join(shared, 'datasets'))];
interface Timing {
  readonly records: number;
  /** Wall-clock seconds. */
  readonly seconds: number;
  /** CPU seconds of the whole process (every thread): what the work costs, whatever else runs. */
  readonly cpuSeconds: number;
}
async function oursEvtx(rounds: number): Promise<Timing> {
  let records = 0;
  let bytes = 0;
  const start = performance.now();
  const cpu = process.cpuUsage();
  for (let r = 0; r < rounds; r++) {
    for (const file of files) {
      for await (const result of readEventsFromFile(file)) {
        if (result.kind !== 'event') throw new Error(`${file}: ${result.message}`);
        bytes += JSON.stringify(result.doc).length + 1;
        records++;
      }
    }
  }
  const used = process.cpuUsage(cpu);
  if (bytes === 0) throw new Error('nothing decoded');
  return {
    records,
    seconds: (performance.now() - start) / 1000,
    cpuSeconds: (used.user + used.system) / 1e6,
  };
}
function pythonEvtx(rounds: number): Timing {
  const out = JSON.parse(
    execFileSync(PYTHON, [join(here, 'evtx-python.py'), String(rounds), ...files], { encoding: 'utf8' }),
  ) as { records: number; seconds: number; cpu_seconds: number };
  return { records: out.records, seconds: out.seconds, cpuSeconds: out.cpu_seconds };
}
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const onlyImport = process.argv.includes('--import-only');
if (onlyImport) {
  // Section 2 alone: pnpm --filter @rulebench/events run bench -- --import-only
} else if (!existsSync(EVTX_DUMP)) {
  row('EVTX → ECS NDJSON', 'skipped: apt-get install -y python3-evtx', '', '');
} else {
  await oursEvtx(3); // warm-up: JIT
  // Alternating runs, so that both sides meet the same background load (this machine is shared):
  // wall-clock ratios swing with it, CPU-time ratios much less. Their medians are reported.
  const RUNS = 5;
  const wall: number[] = [];
  const cpu: number[] = [];
  let perRound = 0;
  for (let run = 0; run < RUNS; run++) {
    const ours = await oursEvtx(10);
    perRound = ours.records / 10;
    const python = pythonEvtx(1);
    wall.push(python.seconds / python.records / (ours.seconds / ours.records));
    cpu.push(python.cpuSeconds / python.records / (ours.cpuSeconds / ours.records));
  }
  const range = (xs: number[]) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;
  row(
    `EVTX → ECS NDJSON, per record, steady state (${files.length} files, ${perRound} records)`,
    `ours (decode + map + JSON) vs python-evtx (decode → XML), median of ${RUNS} alternating runs`,
    `${median(wall).toFixed(1)}× wall (${range(wall)}), ${median(cpu).toFixed(1)}× CPU (${range(cpu)})`,
    'goal ≥ 10×',
  );
  // Side by side as a user runs them: evtx_dump.py per file vs one `rulebench import` of them all.
  const t0 = performance.now();
  for (const file of files) spawnSync(PYTHON, [EVTX_DUMP, file], { stdio: ['ignore', 'ignore', 'inherit'] });
  const dumpSeconds = (performance.now() - t0) / 1000;
  const out = join(mkdtempSync(join(tmpdir(), 'rulebench-bench-')), 'out.ndjson');
  const t1 = performance.now();
  const cli = spawnSync(
    process.execPath,
    [
      '--conditions=@rulebench/source',
      '--import',
      'tsx',
      join(repoRoot(), 'apps/cli/src/main.ts'),
      'import',
      ...files,
      '--out',
      out,
    ],
    { cwd: repoRoot(), stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const cliSeconds = (performance.now() - t1) / 1000;
  if (cli.status !== 0) throw new Error('rulebench import failed');
  row(
    'EVTX → NDJSON, whole commands incl. start-up',
    `${files.length}× evtx_dump.py vs 1× rulebench import (tsx, uncompiled)`,
    `${(dumpSeconds / cliSeconds).toFixed(1)}×`,
    '(start-up dominates: 67 records)',
  );
}

// 2. NDJSON import into SQLite vs JSON.parse -------------------------------------------------
// Two inputs: raw Windows records (mapped to ECS on the way in) and ECS NDJSON (kept as is).
const work = mkdtempSync(join(tmpdir(), 'rulebench-bench-'));
const rawWindows = join(work, 'empire_wmic_add_user_backdoor.json');
for await (const entry of readZipEntries(readFileChunks(BACKDOOR))) {
  const out = createWriteStream(rawWindows);
  for await (const chunk of entry.chunks) out.write(chunk);
  await new Promise<void>((resolve) => out.end(resolve));
  break;
}
// The bundled corpus (our own ECS NDJSON), repeated to about 30 MB.
const sample = readFileSync(join(repoRoot(), 'apps/server/corpora/sysmon-sample.ndjson'), 'utf8');
const ecsNdjson = join(work, 'sysmon-sample-30mb.ndjson');
writeFileSync(ecsNdjson, sample.repeat(Math.ceil(30e6 / sample.length)));

for (const [file, what] of [
  [rawWindows, 'raw Windows records → ECS'],
  [ecsNdjson, 'ECS NDJSON, kept as is'],
] as const) {
  const r = await measureImport(file, 7);
  row(
    `NDJSON import into SQLite (${r.megabytes.toFixed(1)} MB, ${r.imported} ${what})`,
    'server import path vs readFileSync + split + JSON.parse, median of paired rounds',
    describeRatios(r),
    'goal ≥ 0.5×',
  );
}
rmSync(work, { recursive: true, force: true });
row(
  'load average (1, 5, 15 min) at the end',
  loadavg()
    .map((n) => n.toFixed(2))
    .join(', '),
  '',
  '',
);

const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
console.log(
  rows
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n'),
);
