/**
 * Keystroke → updated matches, on a 100,000-event corpus (issue 6: "a benchmark, not a timed
 * test, reports the median time from a keystroke to updated matches; the goal is under 100 ms").
 *
 * Run (after `pnpm -r run build`), from the repository root:
 *
 *   pnpm --filter @rulebench/e2e exec tsx bench/keystroke-latency.ts
 *
 * Environment: BENCH_EVENTS (default 100000), BENCH_KEYS (keystrokes measured, default 40),
 * BENCH_PORT (default 8899), WEB_DIST_DIR (a web build other than apps/web/dist).
 *
 * It starts the built server on an empty data folder, uploads the seeded synthetic corpus
 * (`synthetic-corpus.ts`), opens the workbench in Debian's Chromium with Live on, and types
 * into the query one key at a time: digits appended to a number, then erased, so every text
 * parses and asks for a search. For each key it measures, in the page, from the `keydown` to
 * the first animation frame at which the match list answers exactly the text now in the editor
 * (`data-results-query`, set only when those results are on screen, not dimmed). That includes
 * in-browser diagnostics, the live debounce, the HTTP round trip, the server's search and
 * React's render. Keys are spaced so each one is measured alone (no queueing behind the last).
 */

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { syntheticEvents } from './synthetic-corpus.js';

const here = dirname(fileURLToPath(import.meta.url));
const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const KEYS = Number(process.env.BENCH_KEYS ?? 40);
const PORT = Number(process.env.BENCH_PORT ?? 8899);
const origin = `http://127.0.0.1:${PORT}`;
/** Pause after each measured key, so the next one starts from a settled page. */
const SETTLE_MS = 150;

async function waitForHealth(server: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode})`);
    try {
      if ((await fetch(`${origin}/api/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the server did not start within 60 s');
}

async function uploadCorpus(): Promise<string> {
  const body = `${[...syntheticEvents(EVENTS)].join('\n')}\n`;
  const params = new URLSearchParams({
    name: `Synthetic ${EVENTS}`,
    format: 'ndjson',
    filename: 'bench.ndjson',
  });
  const response = await fetch(`${origin}/api/corpora?${params}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-ndjson', accept: 'application/json' },
    body,
  });
  if (!response.ok) throw new Error(`upload failed: ${response.status} ${await response.text()}`);
  const { corpus } = (await response.json()) as { corpus: { id: string; eventCount: number } };
  if (corpus.eventCount !== EVENTS) throw new Error(`uploaded ${corpus.eventCount} of ${EVENTS} events`);
  return corpus.id;
}

/** Ms from the last `keydown` to the frame where the results answer `text` (measured in the page). */
function resultsFor(page: Page, text: string): Promise<number> {
  return page
    .waitForFunction(
      (query) => {
        const shown = document.querySelector(`[data-results-query]`);
        if (shown?.getAttribute('data-results-query') !== query) return false;
        const w = window as unknown as { __keydownAt: number };
        return performance.now() - w.__keydownAt;
      },
      text,
      { polling: 'raf', timeout: 30_000 },
    )
    .then((handle) => handle.jsonValue() as Promise<number>);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Another server on the port would be measured (and filled with the corpus) instead of ours. */
async function assertPortFree(): Promise<void> {
  const answered = await fetch(`${origin}/api/health`).then(
    () => true,
    () => false,
  );
  if (answered) throw new Error(`something already listens on ${origin}; set BENCH_PORT to a free port`);
}

async function main() {
  await assertPortFree();
  const dataDir = mkdtempSync(join(tmpdir(), 'rulebench-bench-'));
  const server = spawn('node', ['dist/main.js'], {
    cwd: join(here, '..', '..', 'apps', 'server'),
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    await waitForHealth(server);
    const uploadStart = performance.now();
    const corpus = await uploadCorpus();
    console.log(
      `corpus: ${EVENTS.toLocaleString('en-US')} events uploaded in ${Math.round(performance.now() - uploadStart)} ms`,
    );

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(() => {
      document.addEventListener(
        'keydown',
        () => {
          (window as unknown as { __keydownAt: number }).__keydownAt = performance.now();
        },
        true,
      );
    });
    await page.goto(origin);
    await page.getByTestId('query-editor').locator('.monaco-editor').waitFor();
    await page.getByLabel('Corpus', { exact: true }).selectOption(corpus);
    await page.getByTestId('live-toggle').check();

    const base = 'process where process.pid > 1';
    await page
      .getByTestId('query-editor')
      .locator('.view-lines')
      .click({ position: { x: 2, y: 4 } });
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText(base);
    // The first search over the corpus parses it into the server's memory: warm-up, not measured.
    await page.keyboard.press('End');
    await page.keyboard.press('Escape');
    await resultsFor(page, base);

    const timings: number[] = [];
    let text = base;
    const digits = '2345';
    while (timings.length < KEYS) {
      for (const [key, next] of [
        ...[...digits].map((d) => [d, (t: string) => t + d] as const),
        ...[...digits].map(() => ['Backspace', (t: string) => t.slice(0, -1)] as const),
      ]) {
        if (timings.length >= KEYS) break;
        text = next(text);
        await page.keyboard.press(key);
        timings.push(await resultsFor(page, text));
        await page.keyboard.press('Escape');
        await page.waitForTimeout(SETTLE_MS);
      }
    }
    // Virtualized lists on the same corpus: how many rows exist, and how long End takes to
    // bring the last of the 100,000 events on screen (its page fetched on demand).
    await page.getByRole('tab', { name: /^Events/ }).click();
    const grid = page.getByTestId('events-grid');
    await page.getByTestId('events-row').first().click();
    const rowsInGrid = await page.getByTestId('events-row').count();
    const endStarted = Date.now();
    await grid.press('End');
    await page
      .locator(`[data-testid="events-row"][data-index="${EVENTS - 1}"][aria-selected="true"]`)
      .waitFor({ timeout: 30_000 });
    const endMs = Date.now() - endStarted;
    await page.getByRole('tab', { name: /^Matches/ }).click();
    await page.getByTestId('size-picker').selectOption('10000');
    await resultsFor(page, text);
    const matchRows = await page.getByTestId('match-item').count();

    // The server's share: the same searches asked directly, one at a time.
    const serverTimes: number[] = [];
    const texts = [...digits].map((_, i) => base + digits.slice(0, i + 1));
    for (let i = 0; i < KEYS; i++) {
      const started = performance.now();
      const response = await fetch(`${origin}/api/live-search`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ corpus, query: texts[i % texts.length], size: 100 }),
      });
      await response.arrayBuffer();
      serverTimes.push(performance.now() - started);
    }
    const fmt = (n: number) => `${Math.round(n)} ms`;
    console.log(
      `keystroke → updated matches over ${EVENTS.toLocaleString('en-US')} events, ${timings.length} keys: ` +
        `median ${fmt(median(timings))}, p90 ${fmt(percentile(timings, 90))}, ` +
        `min ${fmt(Math.min(...timings))}, max ${fmt(Math.max(...timings))} (goal: median < 100 ms)`,
    );
    console.log(
      `  of which the server's /api/live-search round trip alone: median ${fmt(median(serverTimes))}, ` +
        `p90 ${fmt(percentile(serverTimes, 90))} (ratio to the whole: ${(median(serverTimes) / median(timings)).toFixed(2)})`,
    );
    console.log(
      `virtualized: the events table renders ${rowsInGrid} rows of ${EVENTS.toLocaleString('en-US')}; ` +
        `End shows the last event in ${fmt(endMs)}; 10,000 matches render ${matchRows} rows`,
    );
  } finally {
    await browser.close();
    server.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
