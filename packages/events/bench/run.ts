// Benchmarks of issue 5, reported as ratios measured in one run (not timed tests):
//   1. EVTX → ECS NDJSON per record, ours vs Debian's python3-evtx (evtx_dump.py), same files;
//   2. NDJSON import into SQLite (the server's real import path) vs plain JSON.parse, same file.
// Run: pnpm --filter @rulebench/events run bench   (needs ../shared/datasets and python3-evtx)
import { execFileSync, spawnSync } from 'node:child_process';
import {
  createWriteStream,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
// The server's own import path: the benchmark measures what an upload does.
import { importCorpus } from '../../../apps/server/src/corpora/import-corpus.js';
import { eventRecords } from '../../../apps/server/src/corpora/source-records.js';
import { Store } from '../../../apps/server/src/store/store.js';
import { readZipEntries } from '../src/index.js';
import { readEventsFromFile, readFileChunks, repoRoot, sharedDir } from '../src/node/index.js';

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

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? Number.NaN;
const rows: string[][] = [];
const row = (...cells: string[]) => rows.push(cells);

// 1. EVTX → ECS NDJSON ------------------------------------------------------------------------
const files = [...evtxFiles(join(shared, 'datasets'))];
async function oursEvtx(rounds: number): Promise<{ records: number; seconds: number }> {
  let records = 0;
  let bytes = 0;
  const start = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const file of files) {
      for await (const result of readEventsFromFile(file)) {
        if (result.kind !== 'event') throw new Error(`${file}: ${result.message}`);
        bytes += JSON.stringify(result.doc).length + 1;
        records++;
      }
    }
  }
  if (bytes === 0) throw new Error('nothing decoded');
  return { records, seconds: (performance.now() - start) / 1000 };
}

if (!existsSync(EVTX_DUMP)) {
  row('EVTX → ECS NDJSON', 'skipped: apt-get install -y python3-evtx', '', '');
} else {
  await oursEvtx(3); // warm-up: JIT
  const ours = await oursEvtx(30);
  const python = JSON.parse(
    execFileSync(PYTHON, [join(here, 'evtx-python.py'), '3', ...files], { encoding: 'utf8' }),
  ) as { records: number; seconds: number };
  const oursPer = (ours.seconds / ours.records) * 1e6;
  const pyPer = (python.seconds / python.records) * 1e6;
  row(
    `EVTX → ECS NDJSON, per record, steady state (${files.length} files, ${ours.records / 30} records)`,
    `ours (decode + map + JSON) vs python-evtx (decode → XML)`,
    `${(pyPer / oursPer).toFixed(1)}×`,
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
const work = mkdtempSync(join(tmpdir(), 'rulebench-bench-'));
const ndjson = join(work, 'empire_wmic_add_user_backdoor.json');
for await (const entry of readZipEntries(readFileChunks(BACKDOOR))) {
  const out = createWriteStream(ndjson);
  for await (const chunk of entry.chunks) out.write(chunk);
  await new Promise<void>((resolve) => out.end(resolve));
  break;
}
const size = statSync(ndjson).size;

function plainParse(): number {
  const start = performance.now();
  let n = 0;
  for (const line of readFileSync(ndjson, 'utf8').split('\n')) {
    if (line !== '') {
      JSON.parse(line);
      n++;
    }
  }
  if (n === 0) throw new Error('no lines');
  return (performance.now() - start) / 1000;
}

async function serverImport(round: number): Promise<{ seconds: number; imported: number }> {
  const store = Store.open(join(work, `data-${round}`));
  try {
    const start = performance.now();
    const outcome = await importCorpus(
      store,
      eventRecords([{ name: null, chunks: readFileChunks(ndjson) }]),
      {
        name: 'bench',
        description: '',
        origin: null,
        skipInvalid: false,
      },
    );
    const seconds = (performance.now() - start) / 1000;
    if (!outcome.ok) throw new Error(`import failed: ${outcome.reason}`);
    return { seconds, imported: outcome.report.imported };
  } finally {
    store.close();
  }
}

plainParse();
await serverImport(-1);
const parseTimes: number[] = [];
const importTimes: number[] = [];
let imported = 0;
for (let round = 0; round < 3; round++) {
  parseTimes.push(plainParse());
  const result = await serverImport(round);
  importTimes.push(result.seconds);
  imported = result.imported;
}
const parseSeconds = median(parseTimes);
const importSeconds = median(importTimes);
row(
  `NDJSON import into SQLite (${(size / 1e6).toFixed(1)} MB, ${imported} raw Windows records → ECS)`,
  'server import path vs readFileSync + split + JSON.parse',
  `${(parseSeconds / importSeconds).toFixed(2)}×`,
  'goal ≥ 0.5×',
);
rmSync(work, { recursive: true, force: true });

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
