import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures.js';

// Issue 7: permalinks and links without a server. An author shares the workbench state; a
// reviewer with a fresh browser (no storage) must see exactly what the author saw.

const RULE_NAME = 'Suspicious WMI Image Load from MS Office';
const here = dirname(fileURLToPath(import.meta.url));
const serverDir = join(here, '..', '..', 'apps', 'server');

/** A second browser context, held to the same rule as the fixture's: local requests only. */
async function isolatedContext(browser: Browser, allowedOrigin: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const allowed = new URL(allowedOrigin).host;
  const foreign: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.host === allowed || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    foreign.push(url.href);
    return route.abort('blockedbyclient');
  });
  return { context, foreign };
}

async function typeQuery(page: Page, text: string) {
  await page.getByTestId('query-editor').locator('.monaco-editor').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

/** Opens the workbench, runs the seed rule and selects the match at `index`. */
async function authorState(page: Page, index: number) {
  await page.goto('/');
  await expect(page.getByTestId('rule-name')).toHaveText(RULE_NAME);
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('match-count')).toHaveText('3');
  const items = page.getByTestId('match-item');
  await items.nth(index).click();
  await expect(items.nth(index)).toHaveAttribute('aria-selected', 'true');
  return {
    ids: await items.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-event-id'))),
    selectedId: await items.nth(index).getAttribute('data-event-id'),
    selectedText: await items.nth(index).textContent(),
  };
}

async function createPermalink(page: Page): Promise<string> {
  if ((await page.getByTestId('share-menu').count()) === 0) await page.getByTestId('share-button').click();
  await page.getByTestId('share-create-permalink').click();
  await expect(page.getByTestId('share-result')).toHaveAttribute('data-kind', 'permalink');
  return page.getByTestId('share-link-url').inputValue();
}

/** The whole page, match rows and why panel included. */
async function expectNoSeriousA11yIssues(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** What the reviewer must see: the rule, the match ids in order, the selected event and its guide. */
async function expectSameState(page: Page, author: Awaited<ReturnType<typeof authorState>>) {
  await expect(page.getByTestId('rule-name')).toHaveText(RULE_NAME);
  const items = page.getByTestId('match-item');
  await expect(items).toHaveCount(author.ids.length);
  expect(await items.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-event-id')))).toEqual(
    author.ids,
  );
  const selected = page.locator('[data-testid="match-item"][aria-selected="true"]');
  await expect(selected).toHaveCount(1);
  await expect(selected).toHaveAttribute('data-event-id', author.selectedId ?? '');
  expect(await selected.textContent()).toBe(author.selectedText);
  await expect(page.getByTestId('event-json')).toContainText('wmiutils.dll');
  const guide = page.getByTestId('guide');
  await expect(guide.getByRole('heading', { name: 'Possible investigation steps' })).toBeVisible();
  await expect(guide.getByRole('heading', { name: `Investigating ${RULE_NAME}` })).toBeVisible();
}

test('a permalink opens in a fresh browser with the same rule, matches, selected event and guide', async ({
  page,
  browser,
  baseURL,
}) => {
  const author = await authorState(page, 1);
  const url = await createPermalink(page);
  expect(url).toMatch(new RegExp(`^${baseURL}/r/[0-9A-Za-z]{16}/1$`));
  await expect(page.getByTestId('share-link-kind')).toHaveText(
    'Permalink, stored on this server: version 1.',
  );
  await page.screenshot({ path: test.info().outputPath('share-permalink-1280.png') });

  const { context, foreign } = await isolatedContext(browser, baseURL ?? '');
  try {
    const reviewer = await context.newPage();
    await reviewer.goto(url);
    await expect(reviewer.getByTestId('review-badge')).toHaveText('Permalink · version 1 of 1 · read-only');
    await expect(reviewer.getByTestId('review-match-count')).toHaveText('3 matches');
    await expectSameState(reviewer, author);
    await expect(reviewer.getByTestId('review-query')).toContainText('wmiutils.dll');
    await expect(reviewer.getByTestId('review-rule-details')).toContainText('winlogbeat-*');
    await expect(reviewer.getByTestId('review-versions').getByRole('link')).toHaveCount(1);
    // Read-only: no editor on the page.
    await expect(reviewer.locator('.monaco-editor')).toHaveCount(0);
    await expectNoSeriousA11yIssues(reviewer);
    await reviewer.screenshot({ path: test.info().outputPath('review-1280.png') });
  } finally {
    await context.close();
  }
  expect(foreign).toEqual([]);
});

test('saving again after an edit makes version 2; the review lists both and diffs them; fork carries the state', async ({
  page,
}) => {
  await authorState(page, 0);
  const first = await createPermalink(page);
  const id = /\/r\/([0-9A-Za-z]{16})\/1$/.exec(first)?.[1];
  expect(id).toBeDefined();

  // Saving the same state again is not a new version.
  await page.getByTestId('share-create-permalink').click();
  await expect(page.getByTestId('share-link-kind')).toHaveText(
    'Nothing changed since version 1: this is its permalink, stored on this server.',
  );

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('share-menu')).toHaveCount(0);
  await typeQuery(page, 'any where process.name : "EXCEL.EXE" and\n  ?dll.name : "wmiutils.dll"');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('match-count')).toHaveText('2');
  await page.getByTestId('share-button').click();
  await expect(page.getByTestId('share-next-version')).toBeChecked();
  const second = await createPermalink(page);
  expect(second).toBe(first.replace(/\/1$/, '/2'));
  await expect(page.getByTestId('share-link-kind')).toHaveText(
    `Permalink, stored on this server: version 2 of ${id}.`,
  );

  await page.goto(second);
  await expect(page.getByTestId('review-badge')).toHaveText('Permalink · version 2 of 2 · read-only');
  await expect(page.getByTestId('review-match-count')).toHaveText('2 matches');
  await expect(page.getByTestId('review-version')).toHaveCount(2);
  await expect(page.getByRole('link', { name: /Version 2/ })).toHaveAttribute('aria-current', 'page');

  await page.getByTestId('review-compare').click();
  const diff = page.getByTestId('review-diff');
  await expect(page.getByTestId('diff-from')).toHaveValue('1');
  await expect(page.getByTestId('diff-to')).toHaveValue('2');
  await expect(diff.getByTestId('line-diff').first().locator('tr[data-kind="added"]')).toHaveText([
    /any where process\.name : "EXCEL\.EXE" and/,
    /\?dll\.name : "wmiutils\.dll"/,
  ]);
  await expect(
    diff.getByTestId('line-diff').first().locator('tr[data-kind="removed"]').first(),
  ).toContainText('any where host.os.type == "windows"');
  // Only the query was edited: the rule and options are the same.
  await expect(diff.getByTestId('diff-fields-same')).toHaveText('No other field changed.');
  await expectNoSeriousA11yIssues(page);
  await page.screenshot({ path: test.info().outputPath('review-diff-1280.png') });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoSeriousA11yIssues(page);
  await page.screenshot({ path: test.info().outputPath('review-diff-dark-1920.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 800 });

  // The version list moves between versions without reloading.
  await page.getByRole('link', { name: /Version 1/ }).click();
  await expect(page).toHaveURL(first);
  await expect(page.getByTestId('review-match-count')).toHaveText('3 matches');
  await expect(page.getByTestId('review-query')).toContainText('host.os.type == "windows"');

  // Fork: an editable copy in the workbench, and saving it makes version 3 of the same id.
  await page.goto(second);
  await page.getByTestId('review-fork').click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('query-editor')).toContainText('EXCEL.EXE');
  await expect(page.getByTestId('match-count')).toHaveText('2');
  await typeQuery(page, 'any where process.name : "EXCEL.EXE"');
  await page.getByTestId('share-button').click();
  await expect(page.getByTestId('share-next-version')).toBeChecked();
  expect(await createPermalink(page)).toBe(first.replace(/\/1$/, '/3'));
});

test('copy menu: rule as TOML and NDJSON, curl and CLI, and a clear refusal of oversized fragment links', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await authorState(page, 0);
  await page.getByTestId('share-button').click();
  await expectNoSeriousA11yIssues(page);
  await page.screenshot({ path: test.info().outputPath('share-menu-1280.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoSeriousA11yIssues(page);
  await page.emulateMedia({ colorScheme: 'light' });
  const preview = page.getByTestId('share-preview');

  await page.getByTestId('share-copy-toml').click();
  await expect(page.getByTestId('share-copy-status')).toContainText('Copied the rule as TOML');
  await expect(preview).toHaveValue(/\[rule\][\s\S]*name = "Suspicious WMI Image Load from MS Office"/);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await preview.inputValue());

  await page.getByTestId('share-copy-ndjson').click();
  // The preview is replaced asynchronously (after the clipboard write): wait for the JSON line.
  await expect(preview).toHaveValue(/^\{/);
  const ndjson = JSON.parse(await preview.inputValue());
  expect(ndjson.rule_id).toBe('891cb88e-441a-4c3e-be2d-120d99fe7b0d');
  expect(ndjson.metadata).toBeUndefined();

  await page.getByTestId('share-copy-curl').click();
  await expect(preview).toHaveValue(
    /\/winlogbeat-\*,logs-endpoint\.events\.library-\*,.*\/_eql\/search\?pretty/,
  );
  await expect(preview).toHaveValue(/"gte": "now-9m"/);

  await page.getByTestId('share-copy-cli').click();
  // A bundled corpus is named by its file in the repository (the command runs from the root).
  await expect(preview).toHaveValue(
    /^pnpm -s rulebench search \\\n {2}--events apps\/server\/corpora\/sysmon-sample\.ndjson \\\n {2}--query '/,
  );
  // Permalinks record the position (Elasticsearch's default, tail), so the command says it too.
  await expect(preview).toHaveValue(/--size 100 \\\n {2}--result-position tail$/);

  // The corpus downloads as the documents themselves, one per line, under the name the menu says.
  await expect(page.getByTestId('share-menu')).toContainText('as sysmon-sample.ndjson');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('share-download-corpus').click(),
  ]);
  expect(download.suggestedFilename()).toBe('sysmon-sample.ndjson');
  const saved = readFileSync(await download.path(), 'utf8')
    .trimEnd()
    .split('\n');
  expect(saved).toHaveLength(1779);
  const first = JSON.parse(saved[0] ?? '{}');
  expect(first._source).toBeUndefined();
  expect(typeof first['@timestamp']).toBe('string');

  await page.getByText('Use pasted events in the link instead').click();
  const many = Array.from({ length: 101 }, (_, i) => JSON.stringify({ n: i })).join('\n');
  await page.getByTestId('share-paste-events').fill(many);
  await page.getByTestId('share-copy-link').click();
  await expect(page.getByTestId('share-error')).toHaveText(
    'Too big for a link without a server: 101 events, at most 100. Lower the result size or narrow the query, or create a permalink (stored on this server).',
  );
  await expect(page.getByTestId('share-result')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('share-refused-1280.png') });
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function startEmptyServer(): Promise<{ origin: string; child: ChildProcess; cleanup: () => void }> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'rulebench-share-data-'));
  const corporaDir = mkdtempSync(join(tmpdir(), 'rulebench-share-corpora-'));
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: serverDir,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      CORPORA_DIR: corporaDir,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const origin = `http://127.0.0.1:${port}`;
  const cleanup = () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(corporaDir, { recursive: true, force: true });
  };
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${origin}/api/health`)).ok) return { origin, child, cleanup };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  cleanup();
  throw new Error(`the second server did not start: ${stderr}`);
}

test('a link without a server opens on another server with an empty data folder', async ({
  page,
  browser,
}) => {
  const author = await authorState(page, 2);
  await page.getByTestId('share-button').click();
  await page.getByTestId('share-copy-link').click();
  await expect(page.getByTestId('share-result')).toHaveAttribute('data-kind', 'fragment');
  await expect(page.getByTestId('share-link-kind')).toHaveText(
    /^Link without a server: the rule, query and 3 events are in the link itself \(\d+(\.\d)? kB\); it opens on any Rulebench\.$/,
  );
  const link = await page.getByTestId('share-link-url').inputValue();
  const fragment = new URL(link).hash;
  expect(fragment).toMatch(/^#s=[A-Za-z0-9_-]+$/);

  const other = await startEmptyServer();
  let context: BrowserContext | undefined;
  try {
    expect(await (await fetch(`${other.origin}/api/corpora`)).json()).toEqual({ corpora: [] });
    const isolated = await isolatedContext(browser, other.origin);
    context = isolated.context;
    const reviewer = await context.newPage();
    const apiCalls: string[] = [];
    reviewer.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.startsWith('/api/')) apiCalls.push(path);
    });
    await reviewer.goto(`${other.origin}/${fragment}`);
    await expect(reviewer.getByTestId('review-badge')).toHaveText('Link without a server · read-only');
    await expect(reviewer.getByTestId('review-notice')).toContainText(
      'the 3 events it holds (from “Sysmon sample (Security-Datasets)”) were searched in this browser',
    );
    await expect(reviewer.getByTestId('review-match-count')).toHaveText('3 matches');
    await expectSameState(reviewer, author);
    // The events and matches came from the link: this server was asked for no events, search or permalink.
    expect(apiCalls.filter((p) => /^\/api\/(search|permalinks|corpora|es)\b/.test(p))).toEqual([]);
    await expectNoSeriousA11yIssues(reviewer);
    for (const [width, height] of [
      [1280, 800],
      [1920, 1080],
    ] as const) {
      await reviewer.setViewportSize({ width, height });
      for (const colorScheme of ['light', 'dark'] as const) {
        await reviewer.emulateMedia({ colorScheme });
        await reviewer.screenshot({ path: test.info().outputPath(`fragment-${colorScheme}-${width}.png`) });
      }
    }

    // Fork on the empty server: the link's events become a corpus there.
    await reviewer.getByTestId('review-fork').click();
    await expect(reviewer).toHaveURL(`${other.origin}/`);
    await expect(reviewer.getByTestId('match-count')).toHaveText('3');
    await expect(reviewer.getByTestId('event-json')).toContainText('wmiutils.dll');
    expect(isolated.foreign).toEqual([]);
  } finally {
    await context?.close();
    other.cleanup();
  }
});

test('a damaged fragment link says so instead of showing a blank page', async ({ page }) => {
  await page.goto('/#s=AAAA-not-really');
  await expect(page.getByTestId('review-error')).toContainText('This link cannot be opened');
  await expect(page.getByTestId('review-error')).toContainText('the link is damaged');
  await page.goto('/r/AAAAAAAAAAAAAAAA');
  await expect(page.getByTestId('review-error')).toContainText('No such permalink');
});

test('a fork in another browser saves as a new permalink; only the author continues the versions', async ({
  page,
  browser,
  baseURL,
}) => {
  await authorState(page, 0);
  const url = await createPermalink(page);
  const id = /\/r\/([0-9A-Za-z]{16})\/1$/.exec(url)?.[1] ?? '';
  // Other tests of this run may have saved versions of the same state: count them now.
  const versionsOf = async () =>
    (await (await page.request.get(`/api/permalinks/${id}`)).json()).versions.length;
  const before = await versionsOf();

  const { context, foreign } = await isolatedContext(browser, baseURL ?? '');
  try {
    const other = await context.newPage();
    await other.goto(url);
    await other.getByTestId('review-fork').click();
    await expect(other.getByTestId('match-count')).toHaveText('3');
    await typeQuery(other, 'any where process.name : "EXCEL.EXE"');
    await other.getByTestId('share-button').click();
    const box = other.getByTestId('share-next-version');
    await expect(box).not.toBeChecked();
    await expect(other.getByTestId('share-menu')).toContainText('a link made elsewhere');
    const mine = await createPermalink(other);
    expect(mine).toMatch(/\/r\/[0-9A-Za-z]{16}\/1$/);
    expect(mine).not.toContain(id);
    // The author's link did not grow.
    expect(await versionsOf()).toBe(before);
    // Its own link is this browser's: saving again continues it.
    await other.keyboard.press('Escape');
    await typeQuery(other, 'any where process.name : "WINWORD.EXE"');
    await other.getByTestId('share-button').click();
    await expect(other.getByTestId('share-next-version')).toBeChecked();
    expect(await createPermalink(other)).toBe(mine.replace(/\/1$/, '/2'));
  } finally {
    await context.close();
  }
  expect(foreign).toEqual([]);
});

test('forking a link whose corpus was deleted offers its events back, named as they were', async ({
  page,
}) => {
  // A corpus of its own (the sample minus two events: no other corpus, in any spec, holds these).
  const lines = readFileSync(join(serverDir, 'corpora', 'sysmon-sample.ndjson'), 'utf8')
    .trimEnd()
    .split('\n')
    .slice(2);
  await page.goto('/');
  const upload = await page.request.post('/api/corpora?name=Lab%20run&format=ndjson', {
    data: `${lines.join('\n')}\n`,
    headers: { 'content-type': 'application/x-ndjson' },
  });
  expect(upload.status()).toBe(201);
  const corpusId = (await upload.json()).corpus.id as string;
  await page.reload();
  await page.getByTestId('corpus-picker').selectOption(corpusId);
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('match-count')).toHaveText('3');
  const url = await createPermalink(page);
  expect((await page.request.delete(`/api/corpora/${corpusId}`)).status()).toBe(204);

  await page.goto(url);
  // The banner names the corpus, not its id.
  await expect(page.getByTestId('review-notice')).toContainText(
    `${lines.length.toLocaleString('en-US')} events of “Lab run”`,
  );
  await expect(page.getByTestId('review-match-count')).toHaveText('3 matches');
  await page.getByTestId('review-fork').click();
  const choice = page.getByTestId('review-fork-choice');
  await expect(choice).toContainText('“Lab run”, is no longer on this server');
  await expect(page.getByTestId('review-fork-without')).toHaveText(
    'Fork on “Sysmon sample (Security-Datasets)” instead',
  );
  await page.screenshot({ path: test.info().outputPath('fork-restore-1280.png') });
  await page.getByTestId('review-fork-restore').click();

  await expect(page).toHaveURL(/\/$/);
  const picker = page.getByTestId('corpus-picker');
  const restoredId = await picker.inputValue();
  expect(restoredId).not.toBe('sysmon-sample');
  await expect(picker.locator('option:checked')).toContainText('Lab run');
  await expect(page.getByTestId('match-count')).toHaveText('3');
  const restored = await (await page.request.get(`/api/corpora/${restoredId}`)).json();
  expect(restored).toMatchObject({ name: 'Lab run', eventCount: lines.length });
});
