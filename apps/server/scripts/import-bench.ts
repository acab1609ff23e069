/**
 * `pnpm -s --filter @rulebench/server run bench:import`: the corpus import over an NDJSON file
 * of synthetic ECS events, into a fresh SQLite store in the OS temp folder, against reading the
 * same file and `JSON.parse`-ing each line with nothing else.
 *
 * - import: what `POST /api/corpora` runs once the body is spooled (the spooled file read back
 *   in 1 MiB chunks → eventRecords → untilAborted → importCorpus, worker thread and commit).
 * - upload: the whole HTTP route, through Fastify's inject with the file as a streamed body
 *   (spooling included). BENCH_SKIP_UPLOAD=1 skips it.
 *
 * Rates are per CPU-second, best of BENCH_RUNS runs: of the whole process (the import's writer
 * thread included, and its WAL checkpoint after the commit), of the main thread alone (Linux:
 * read from /proc; it reads, parses and maps while the worker inserts, so it sets the pace), and
 * per wall-clock second. The machine may be shared: compare ratios, not rates, and quote the
 * load average.
 */

import { execFileSync } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticEvents } from '@rulebench/eql/bench';
import { readAndParseLines } from '@rulebench/events/node';
import { buildApp } from '../src/build-app.js';
import { defaultConfig } from '../src/config.js';
import { importCorpus } from '../src/corpora/import-corpus.js';
import { ImportReportBuilder } from '../src/corpora/import-report.js';
import { eventRecords } from '../src/corpora/source-records.js';
import { untilAborted } from '../src/routes/upload-spool.js';
import { Store } from '../src/store/store.js';
import { settleWriterWorkers } from '../src/store/worker-connection.js';

const EVENTS = Number(process.env.BENCH_IMPORT_EVENTS ?? 200_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const READ_CHUNK = 1 << 20;

function cpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

const MAIN_THREAD_STAT = `/proc/self/task/${process.pid}/stat`;
const CLOCK_TICKS = clockTicks();

function clockTicks(): number | undefined {
  try {
    readFileSync(MAIN_THREAD_STAT);
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return undefined;
  }
}

/** CPU time of this (the main) thread alone, in clock ticks' resolution; NaN off Linux. */
function mainThreadCpuSeconds(): number {
  if (CLOCK_TICKS === undefined) return Number.NaN;
  const stat = readFileSync(MAIN_THREAD_STAT, 'utf8');
  // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** `count` synthetic ECS events, one JSON object per line. */
function writeNdjson(path: string, count: number): void {
  const lines: string[] = [];
  const start = Date.UTC(2024, 0, 1);
  for (let batch = 0; lines.length < count; batch++) {
    for (const event of syntheticEvents(Math.min(50_000, count - lines.length), batch + 1)) {
      event._source['@timestamp'] = new Date(start + lines.length * 37).toISOString();
      lines.push(JSON.stringify(event._source));
    }
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

/** The import as the upload route runs it after spooling, into a fresh store. */
async function importFile(path: string, dataDir: string): Promise<number> {
  const store = Store.open(dataDir);
  try {
    const report = new ImportReportBuilder();
    const records = eventRecords(
      (async function* () {
        yield { name: null, chunks: createReadStream(path, { highWaterMark: READ_CHUNK }) };
      })(),
      { maxInflatedBytes: 4 * 1024 ** 3, onInput: (input) => report.input(input) },
    );
    const outcome = await importCorpus(store, untilAborted(records, new AbortController().signal), {
      name: 'bench',
      description: '',
      origin: null,
      skipInvalid: false,
      report,
      onProgress: () => undefined,
    });
    if (!outcome.ok) throw new Error(`import failed: ${outcome.reason}`);
    await settleWriterWorkers();
    return outcome.report.imported;
  } finally {
    store.close();
  }
}

/** `POST /api/corpora` with the file as its body, through Fastify's inject. */
async function uploadFile(path: string, dataDir: string): Promise<number> {
  const config = {
    ...defaultConfig(),
    dataDir,
    corporaDir: join(dataDir, 'no-bundled'),
    uploadLimitBytes: 2 * statSync(path).size,
  };
  const app = await buildApp(config, { logger: false });
  try {
    const response = await app.inject({
      method: 'POST',
      url: '/api/corpora?name=bench',
      headers: { 'content-type': 'application/x-ndjson' },
      payload: createReadStream(path, { highWaterMark: 64 * 1024 }),
    });
    if (response.statusCode !== 201)
      throw new Error(`upload answered ${response.statusCode}: ${response.body}`);
    await settleWriterWorkers();
    return (response.json() as { report: { imported: number } }).report.imported;
  } finally {
    await app.close();
  }
}

interface Timing {
  readonly cpu: number;
  readonly main: number;
  readonly wall: number;
}

async function best(
  dir: string,
  run: (dataDir: string) => Promise<number>,
  expected: number,
): Promise<Timing> {
  let cpu = Number.POSITIVE_INFINITY;
  let main = Number.POSITIVE_INFINITY;
  let wall = Number.POSITIVE_INFINITY;
  for (let i = 0; i < RUNS; i++) {
    const dataDir = mkdtempSync(join(dir, 'store-'));
    try {
      const startCpu = cpuSeconds();
      const startMain = mainThreadCpuSeconds();
      const startWall = performance.now();
      const count = await run(dataDir);
      cpu = Math.min(cpu, cpuSeconds() - startCpu);
      main = Math.min(main, mainThreadCpuSeconds() - startMain);
      wall = Math.min(wall, (performance.now() - startWall) / 1000);
      if (count !== expected) throw new Error(`expected ${expected} events, got ${count}`);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return { cpu, main, wall };
}

function row(name: string, ...cells: readonly string[]): void {
  console.log(`${name.padEnd(38)}${cells.map((cell, i) => cell.padStart(i % 2 === 0 ? 14 : 8)).join('')}`);
}

async function main(): Promise<void> {
  const [one, five, fifteen] = loadavg().map((n) => n.toFixed(2));
  console.log(
    `\ncorpus import · ${new Date().toISOString()} · ${cpus().length} cores · load ${one} ${five} ${fifteen}`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'rulebench-import-bench-'));
  try {
    const file = join(dir, 'events.ndjson');
    writeNdjson(file, EVENTS);
    const megabytes = statSync(file).size / 1024 ** 2;
    console.log(
      `${EVENTS.toLocaleString('en')} events (${megabytes.toFixed(0)} MB of NDJSON), best of ${RUNS} runs; ratios against the floor.\n`,
    );
    row('measure', 'ev/CPU-s', '× floor', 'main thread', '× floor', 'ev/wall-s', '× floor');
    const floor = await best(dir, () => readAndParseLines(file, READ_CHUNK), EVENTS);
    const rate = (seconds: number) => `${(EVENTS / seconds / 1e3).toFixed(0)}k`;
    const ratio = (a: number, b: number) => (a / b).toFixed(2);
    row(
      'read + JSON.parse each line (floor)',
      rate(floor.cpu),
      '1.00',
      rate(floor.main),
      '1.00',
      rate(floor.wall),
      '1.00',
    );
    const measures: [string, (dataDir: string) => Promise<number>][] = [
      ['import (spooled file → SQLite)', (dataDir) => importFile(file, dataDir)],
    ];
    if (process.env.BENCH_SKIP_UPLOAD !== '1')
      measures.push(['upload (HTTP route, spool included)', (dataDir) => uploadFile(file, dataDir)]);
    for (const [name, run] of measures) {
      const t = await best(dir, run, EVENTS);
      row(
        name,
        rate(t.cpu),
        ratio(floor.cpu, t.cpu),
        rate(t.main),
        ratio(floor.main, t.main),
        rate(t.wall),
        ratio(floor.wall, t.wall),
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
