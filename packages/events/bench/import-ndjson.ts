// NDJSON import into SQLite through the server's real import path, against plain JSON.parse of
// the same file (readFileSync + split + JSON.parse per line). Reported as ratios of one run.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The server's own import path: the benchmark measures what an upload does.
import { importCorpus } from '../../../apps/server/src/corpora/import-corpus.js';
import { eventRecords } from '../../../apps/server/src/corpora/source-records.js';
import { Store } from '../../../apps/server/src/store/store.js';
import { settleWriterWorkers } from '../../../apps/server/src/store/worker-connection.js';
import { readFileChunks } from '../src/node/index.js';

export interface ImportRatios {
  readonly megabytes: number;
  readonly imported: number;
  /** Throughput of the import (until committed) over that of plain JSON.parse: goal ≥ 0.5. */
  readonly ratio: number;
  /** The same, counting the WAL checkpoint that follows the commit in the background. */
  readonly ratioWithCheckpoint: number;
}

/** Plain JSON.parse of every line, in seconds. */
function plainParse(file: string): number {
  const start = performance.now();
  let n = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line !== '') {
      JSON.parse(line);
      n++;
    }
  }
  if (n === 0) throw new Error(`${file}: no lines`);
  return (performance.now() - start) / 1000;
}

/** One import into a fresh store: seconds until committed, and until the worker has checkpointed. */
async function serverImport(file: string): Promise<{ committed: number; settled: number; imported: number }> {
  const work = mkdtempSync(join(tmpdir(), 'rulebench-bench-'));
  const store = Store.open(work);
  try {
    const start = performance.now();
    const outcome = await importCorpus(store, eventRecords([{ name: null, chunks: readFileChunks(file) }]), {
      name: 'bench',
      description: '',
      origin: null,
      skipInvalid: false,
    });
    const committed = (performance.now() - start) / 1000;
    await settleWriterWorkers();
    const settled = (performance.now() - start) / 1000;
    if (!outcome.ok) throw new Error(`import failed: ${outcome.reason}`);
    return { committed, settled, imported: outcome.report.imported };
  } finally {
    store.close();
    rmSync(work, { recursive: true, force: true });
  }
}

/** Best of `rounds` for each side, after one warm-up of each (JIT, file cache). */
export async function measureImport(file: string, rounds = 3): Promise<ImportRatios> {
  plainParse(file);
  await serverImport(file);
  let parse = Number.POSITIVE_INFINITY;
  let committed = Number.POSITIVE_INFINITY;
  let settled = Number.POSITIVE_INFINITY;
  let imported = 0;
  for (let round = 0; round < rounds; round++) {
    parse = Math.min(parse, plainParse(file));
    const result = await serverImport(file);
    committed = Math.min(committed, result.committed);
    settled = Math.min(settled, result.settled);
    imported = result.imported;
  }
  return {
    megabytes: statSync(file).size / 1e6,
    imported,
    ratio: parse / committed,
    ratioWithCheckpoint: parse / settled,
  };
}

// Standalone: tsx --conditions=@rulebench/source bench/import-ndjson.ts FILE [ROUNDS]
if (process.argv[1]?.endsWith('import-ndjson.ts') && process.argv[2]) {
  const r = await measureImport(process.argv[2], Number(process.argv[3] ?? 3));
  console.log(
    `${r.megabytes.toFixed(1)} MB, ${r.imported} events: ${r.ratio.toFixed(2)}× (${r.ratioWithCheckpoint.toFixed(2)}× with checkpoint)`,
  );
}
