/**
 * `pnpm bench` (second half): `rulebench search` end to end over NDJSON files, through the
 * command itself (argument parsing, the streaming reader, the engine, the JSON response).
 *
 * - Throughput: the seed rule over an NDJSON file, against reading the same file and
 *   `JSON.parse`-ing each line with nothing else (goal: at least 0.7× of that).
 * - Memory: an event query streamed over a 1 GB NDJSON file (goal: under 300 MB peak RSS),
 *   and a `sequence by … with maxspan` over the same file (in time order, which the command
 *   finds out by itself: no `--presorted`), whose pending state maxspan bounds (reported). Each runs in a child process so its peak RSS is its own.
 *
 * Files are generated under the OS temp folder and deleted afterwards. BENCH_SKIP_MEMORY=1
 * skips the 1 GB part (it takes a few minutes on a busy machine).
 */

import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { compile, type SequenceQueryExecutor } from '@rulebench/eql';
import { SEED_RULE, syntheticEvents } from '@rulebench/eql/bench';
import { readAndParseLines } from '@rulebench/events/node';
import { runSearch } from '../src/commands/search.js';
import type { EventExecutor, SearchEngine } from '../src/engine.js';
import type { CliContext } from '../src/io/context.js';

const THROUGHPUT_EVENTS = Number(process.env.BENCH_NDJSON_EVENTS ?? 300_000);
const MEMORY_BYTES = Number(process.env.BENCH_MEMORY_BYTES ?? 1024 ** 3);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const RATIO_GOAL = 0.7;
const RSS_GOAL_MB = 300;
const MEMORY_SEQUENCE = `sequence by process.pid with maxspan=30s
  [process where process.name == "cmd.exe"]
  [library where dll.name == "amsi.dll"]`;

function cpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

/** Writes `count` synthetic events (or events until `bytes`), in timestamp order, one per line. */
function writeNdjson(path: string, limit: { count?: number; bytes?: number }): number {
  const fd = openSync(path, 'w');
  const start = Date.UTC(2024, 0, 1);
  let written = 0;
  let bytes = 0;
  try {
    for (let batch = 0; ; batch++) {
      const events = syntheticEvents(50_000, batch + 1);
      const lines: string[] = [];
      for (const event of events) {
        // Strictly increasing timestamps: the file is in order, so a sequence streams it.
        event._source['@timestamp'] = new Date(start + written * 37).toISOString();
        lines.push(JSON.stringify(event._source));
        written++;
        if (limit.count !== undefined && written >= limit.count) break;
      }
      const text = `${lines.join('\n')}\n`;
      bytes += writeSync(fd, text);
      if (limit.count !== undefined && written >= limit.count) break;
      if (limit.bytes !== undefined && bytes >= limit.bytes) break;
    }
  } finally {
    closeSync(fd);
  }
  return written;
}

interface SearchRun {
  readonly exitCode: number;
  readonly output: string;
  readonly executor: EventExecutor | undefined;
  /** Passes over the input: 2 when a sequence found the file out of order and read it again. */
  readonly passes: number;
}

/** `rulebench search …` as `main.ts` runs it, with output captured and the executor kept. */
async function search(args: readonly string[]): Promise<SearchRun> {
  let output = '';
  const ctx: CliContext = {
    stdout: { write: (text: string) => (output += text) },
    stderr: { write: (text: string) => process.stderr.write(text) },
    stdin: new PassThrough(),
    cwd: process.cwd(),
  };
  let executor: EventExecutor | undefined;
  let passes = 0;
  const engine: SearchEngine = {
    compile: (query) => {
      const compiled = compile(query);
      return {
        kind: compiled.kind,
        executor: (options) => {
          executor = compiled.executor(options);
          passes++;
          return executor;
        },
      };
    },
  };
  const exitCode = await runSearch(args, ctx, async () => engine);
  return { exitCode, output, executor, passes };
}

async function best(run: () => Promise<unknown>): Promise<number> {
  let seconds = Number.POSITIVE_INFINITY;
  for (let i = 0; i < RUNS; i++) {
    const start = cpuSeconds();
    await run();
    seconds = Math.min(seconds, cpuSeconds() - start);
  }
  return seconds;
}

interface MemoryReport {
  readonly matches: number;
  readonly peakRssMb: number;
  readonly pendingMax?: number;
  readonly passes: number;
}

/** Child mode: one search over the file, then its figures as JSON on stdout. */
async function memoryChild(file: string, kind: string): Promise<void> {
  const query = kind === 'sequence' ? MEMORY_SEQUENCE : SEED_RULE;
  const args = ['--events', file, '--query', query, '--size', '10'];
  const { exitCode, output, executor, passes } = await search(args);
  if (exitCode !== 0) throw new Error(`search failed with exit code ${exitCode}`);
  const response = JSON.parse(output) as { hits: { total: { value: number } } };
  const stats = (executor as Partial<SequenceQueryExecutor> | undefined)?.stats;
  const report: MemoryReport = {
    matches: response.hits.total.value,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    passes,
    ...(stats !== undefined && { pendingMax: stats.pendingMax }),
  };
  process.stdout.write(JSON.stringify(report));
}

function runChild(file: string, kind: string): MemoryReport {
  const script = fileURLToPath(import.meta.url);
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--conditions=@rulebench/source', script, '--memory-child', file, kind],
    { encoding: 'utf8', maxBuffer: 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (child.status !== 0) throw new Error(`memory child (${kind}) exited with ${child.status}`);
  return JSON.parse(child.stdout) as MemoryReport;
}

function row(name: string, figure: string, ratio: string, status: string, note: string): void {
  console.log(
    `${name.padEnd(46)}  ${figure.padStart(12)}  ${ratio.padStart(7)}  ${status.padEnd(10)}  ${note}`,
  );
}

async function main(): Promise<void> {
  const [one, five, fifteen] = loadavg().map((n) => n.toFixed(2));
  console.log(
    `\nrulebench search, end to end · ${new Date().toISOString()} · ${cpus().length} cores · load ${one} ${five} ${fifteen}`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'rulebench-bench-'));
  try {
    const file = join(dir, 'events.ndjson');
    const count = writeNdjson(file, { count: THROUGHPUT_EVENTS });
    const megabytes = statSync(file).size / 1024 ** 2;
    console.log(
      `Rates per CPU-second, best of ${RUNS} runs, over ${count.toLocaleString('en')} events (${megabytes.toFixed(0)} MB of NDJSON).\n`,
    );
    row('measure', 'figure', '× goal', 'status', 'notes');
    const floorSeconds = await best(() => readAndParseLines(file));
    const searchSeconds = await best(async () => {
      const { exitCode } = await search(['--events', file, '--query', SEED_RULE]);
      if (exitCode !== 0) throw new Error(`search failed with exit code ${exitCode}`);
    });
    const floor = count / floorSeconds;
    const cli = count / searchSeconds;
    const ratio = cli / floor;
    row('read + JSON.parse each line (floor)', `${(floor / 1e6).toFixed(3)}M ev/s`, '', '', 'nothing else');
    row(
      'rulebench search, seed rule',
      `${(cli / 1e6).toFixed(3)}M ev/s`,
      (ratio / RATIO_GOAL).toFixed(2),
      ratio >= RATIO_GOAL ? 'goal met' : 'BELOW GOAL',
      `${ratio.toFixed(2)}× the floor (goal ${RATIO_GOAL}×)`,
    );
    rmSync(file);
    if (process.env.BENCH_SKIP_MEMORY === '1') {
      console.log('(memory figures skipped: BENCH_SKIP_MEMORY=1)');
      return;
    }
    const big = join(dir, 'big.ndjson');
    const bigCount = writeNdjson(big, { bytes: MEMORY_BYTES });
    const gigabytes = statSync(big).size / 1024 ** 3;
    for (const kind of ['event query', 'sequence']) {
      const report = runChild(big, kind === 'sequence' ? 'sequence' : 'event');
      const ok = report.peakRssMb < RSS_GOAL_MB;
      const pending =
        (report.pendingMax === undefined ? '' : `; pending sequences at most ${report.pendingMax}`) +
        (report.passes === 1 ? '' : `; read ${report.passes} times (out of order)`);
      row(
        `peak RSS, ${kind} over ${gigabytes.toFixed(2)} GB NDJSON`,
        `${report.peakRssMb} MB`,
        (report.peakRssMb / RSS_GOAL_MB).toFixed(2),
        ok ? 'goal met' : 'ABOVE GOAL',
        `${bigCount.toLocaleString('en')} events, ${report.matches} matches${pending}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const childAt = process.argv.indexOf('--memory-child');
if (childAt >= 0) {
  await memoryChild(process.argv[childAt + 1] as string, process.argv[childAt + 2] as string);
} else {
  await main();
}
