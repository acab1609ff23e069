// NDJSON import into SQLite through the server's real import path, against plain JSON.parse of
// the same file (readFileSync + split + JSON.parse per line). Reported as ratios.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The server's own import path: the benchmark measures what an upload does.
import { importCorpus } from '../../../apps/server/src/corpora/import-corpus.js';
import { eventRecords, type SourceFile } from '../../../apps/server/src/corpora/source-records.js';
import { Store } from '../../../apps/server/src/store/store.js';
import { settleWriterWorkers } from '../../../apps/server/src/store/worker-connection.js';
import { readFileChunks } from '../src/node/index.js';

export interface ImportRatios {
  readonly megabytes: number;
  readonly imported: number;
  readonly rounds: number;
  /**
   * Throughput of the import (until committed) over that of plain JSON.parse, the median of
   * rounds that each time both back to back (so that both meet the same background load): goal ≥ 0.5.
   */
  readonly ratio: number;
  /** The lowest and highest of the rounds. */
  readonly range: readonly [number, number];
  /** The same median, counting the WAL checkpoint that follows the commit in the background. */
  readonly ratioWithCheckpoint: number;
  /**
   * Plain JSON.parse's CPU time over the CPU time of the import's main thread (reading, parsing,
   * mapping, serialising; the worker thread inserts and hashes beside it): the ratio the import
   * would reach with the second core to itself. Undefined where /proc is not there to tell.
   */
  readonly mainThreadCpuRatio: number | undefined;
}

interface Sample {
  readonly seconds: number;
  readonly mainCpu: number | undefined;
}

const TICKS_PER_SECOND = 100;

/** CPU seconds of this process's main thread so far (Linux), or undefined. */
function mainThreadCpu(): number | undefined {
  const file = `/proc/self/task/${process.pid}/stat`;
  if (!existsSync(file)) return undefined;
  const stat = readFileSync(file, 'utf8');
  // Fields after the command name (in parentheses): utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

function since(start: number | undefined): number | undefined {
  const now = mainThreadCpu();
  return start === undefined || now === undefined ? undefined : now - start;
}

/** Plain JSON.parse of every line. */
function plainParse(file: string): Sample {
  const cpu = mainThreadCpu();
  const start = performance.now();
  let n = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line !== '') {
      JSON.parse(line);
      n++;
    }
  }
  if (n === 0) throw new Error(`${file}: no lines`);
  return { seconds: (performance.now() - start) / 1000, mainCpu: since(cpu) };
}

async function* oneFile(file: string): AsyncGenerator<SourceFile> {
  yield { name: null, chunks: readFileChunks(file) };
}

/** One import into a fresh store: until committed, and until the worker has checkpointed. */
async function serverImport(
  file: string,
): Promise<{ committed: Sample; settledSeconds: number; imported: number }> {
  const work = mkdtempSync(join(tmpdir(), 'rulebench-bench-'));
  const store = Store.open(work);
  try {
    const cpu = mainThreadCpu();
    const start = performance.now();
    const outcome = await importCorpus(store, eventRecords(oneFile(file)), {
      name: 'bench',
      description: '',
      origin: null,
      skipInvalid: false,
    });
    const committed = { seconds: (performance.now() - start) / 1000, mainCpu: since(cpu) };
    await settleWriterWorkers();
    const settledSeconds = (performance.now() - start) / 1000;
    if (!outcome.ok) throw new Error(`import failed: ${outcome.reason}`);
    return { committed, settledSeconds, imported: outcome.report.imported };
  } finally {
    store.close();
    rmSync(work, { recursive: true, force: true });
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** `rounds` rounds of plain parse then import, after one warm-up of each (JIT, file cache). */
export async function measureImport(file: string, rounds = 7): Promise<ImportRatios> {
  plainParse(file);
  await serverImport(file);
  const ratios: number[] = [];
  const withCheckpoint: number[] = [];
  const cpuRatios: number[] = [];
  let imported = 0;
  for (let round = 0; round < rounds; round++) {
    const plain = plainParse(file);
    const result = await serverImport(file);
    ratios.push(plain.seconds / result.committed.seconds);
    withCheckpoint.push(plain.seconds / result.settledSeconds);
    if (plain.mainCpu !== undefined && result.committed.mainCpu !== undefined)
      cpuRatios.push(plain.mainCpu / result.committed.mainCpu);
    imported = result.imported;
  }
  return {
    megabytes: statSync(file).size / 1e6,
    imported,
    rounds,
    ratio: median(ratios),
    range: [Math.min(...ratios), Math.max(...ratios)],
    ratioWithCheckpoint: median(withCheckpoint),
    mainThreadCpuRatio: cpuRatios.length === rounds ? median(cpuRatios) : undefined,
  };
}

/** "0.62× (0.48–0.71 over 7 rounds; 0.55× with checkpoint; 0.80× main-thread CPU)" */
export function describeRatios(r: ImportRatios): string {
  const cpu =
    r.mainThreadCpuRatio === undefined ? '' : `; ${r.mainThreadCpuRatio.toFixed(2)}× main-thread CPU`;
  return `${r.ratio.toFixed(2)}× (${r.range[0].toFixed(2)}–${r.range[1].toFixed(2)} over ${r.rounds} rounds; ${r.ratioWithCheckpoint.toFixed(2)}× with checkpoint${cpu})`;
}

// Standalone: tsx --conditions=@rulebench/source bench/import-ndjson.ts FILE [ROUNDS]
if (process.argv[1]?.endsWith('import-ndjson.ts') && process.argv[2]) {
  const r = await measureImport(process.argv[2], Number(process.argv[3] ?? 7));
  console.log(`${r.megabytes.toFixed(1)} MB, ${r.imported} events: ${describeRatios(r)}`);
}
