import { expect, test } from './fixtures.js';

// The first thing every user does: open the page on the seed rule, run it on the bundled
// sample corpus, inspect a match beside its investigation guide.

/** The edited positives of the bundled corpus (apps/server/corpora/PROVENANCE.md). */
const EXPECTED_POSITIVES = [
  { timestamp: '2020-08-06T07:56:41.392Z', process: 'WINWORD.EXE' },
  { timestamp: '2020-09-17T21:46:12.230Z', process: 'EXCEL.EXE' },
  { timestamp: '2020-09-18T19:00:26.576Z', process: 'EXCEL.EXE' },
] as const;

async function runQuery(page: import('@playwright/test').Page) {
  await page.getByTestId('run-button').click();
}

async function typeQuery(page: import('@playwright/test').Page, text: string) {
  const editor = page.getByTestId('query-editor');
  await editor.locator('.monaco-editor').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

test('the seed rule opens with its guide and matches exactly the expected positives', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('rule-name')).toHaveText('Suspicious WMI Image Load from MS Office');
  await expect(page.getByTestId('rule-severity')).toContainText('low');
  await expect(page.getByTestId('rule-risk-score')).toContainText('21');
  await expect(
    page
      .getByTestId('guide')
      .getByRole('heading', { name: 'Investigating Suspicious WMI Image Load from MS Office' }),
  ).toBeVisible();

  await runQuery(page);
  await expect(page.getByTestId('match-count')).toHaveText(String(EXPECTED_POSITIVES.length));
  const items = page.getByTestId('match-item');
  await expect(items).toHaveCount(EXPECTED_POSITIVES.length);
  for (const [i, expected] of EXPECTED_POSITIVES.entries()) {
    await expect(items.nth(i)).toContainText(expected.process);
    // Rows show the UTC timestamp as `YYYY-MM-DD hh:mm:ss.mmm`.
    await expect(items.nth(i)).toContainText(expected.timestamp.replace('T', ' ').replace('Z', ''));
  }

  await items.first().click();
  const json = page.getByTestId('event-json');
  await expect(json).toContainText('wmiutils.dll');
  await expect(json).toContainText(EXPECTED_POSITIVES[0].process);
  await expect(
    page.getByTestId('guide').getByRole('heading', { name: 'Possible investigation steps' }),
  ).toBeVisible();
});

test('excluding EXCEL.EXE from the query changes the count', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('rule-name')).toBeVisible();
  const withoutExcel = EXPECTED_POSITIVES.filter((p) => p.process !== 'EXCEL.EXE');
  await typeQuery(
    page,
    'any where host.os.type == "windows" and\n' +
      ' (event.category : ("library", "driver") or (event.category == "process" and event.action : "Image loaded*")) and\n' +
      '  process.name : ("WINWORD.EXE", "POWERPNT.EXE", "MSPUB.EXE", "MSACCESS.EXE") and\n' +
      '  (?dll.name : "wmiutils.dll" or file.name : "wmiutils.dll")',
  );
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(page.getByTestId('match-count')).toHaveText(String(withoutExcel.length));
  await expect(page.getByTestId('match-item')).toHaveCount(withoutExcel.length);
});

test('a broken query shows an error marker, not a blank page', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('rule-name')).toBeVisible();
  await typeQuery(page, 'process where process.name == ');
  await expect(page.getByTestId('query-editor').locator('.squiggly-error').first()).toBeVisible();
  await expect(page.getByTestId('query-error')).toContainText('1:');
  await runQuery(page);
  await expect(page.getByTestId('search-error')).toBeVisible();
  await expect(page.getByTestId('rule-name')).toHaveText('Suspicious WMI Image Load from MS Office');
});

test('while the page loads it shows skeletons and the query read-only, never a false empty or error state', async ({
  page,
}) => {
  // Anything the page says before its data arrives is recorded, to be checked afterwards.
  await page.addInitScript(() => {
    const FALSE_STATES = [/No corpora/, /has no investigation guide/, /Could not load/, /No rule loaded/];
    const seen: string[] = [];
    (window as unknown as { falseStates: string[] }).falseStates = seen;
    const check = () => {
      // biome-ignore lint/performance/useDomNodeTextContent: only what is rendered on screen counts
      const text = document.body?.innerText ?? '';
      for (const pattern of FALSE_STATES)
        if (pattern.test(text) && !seen.includes(pattern.source)) seen.push(pattern.source);
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
  });
  // The server and the editor chunk answer only when released, so each loading state can be seen.
  let releaseApi = () => {};
  const apiHeld = new Promise<void>((resolve) => {
    releaseApi = resolve;
  });
  let releaseEditor = () => {};
  const editorHeld = new Promise<void>((resolve) => {
    releaseEditor = resolve;
  });
  await page.route('**/api/**', async (route) => {
    await apiHeld;
    await route.fallback();
  });
  await page.route('**/assets/QueryEditor-*.js', async (route) => {
    await editorHeld;
    await route.fallback();
  });

  await page.goto('/');
  await expect(page.getByRole('status', { name: 'Loading the rule' })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Loading corpora' })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Loading the query' })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Loading the guide' })).toBeVisible();
  releaseApi();

  // The rule is in; Monaco is not: the query is readable already, and not editable.
  await expect(page.getByTestId('rule-name')).toHaveText('Suspicious WMI Image Load from MS Office');
  const preview = page.getByTestId('query-preview');
  await expect(preview).toContainText('any where host.os.type == "windows" and');
  await expect(preview).toContainText('process.name : ("WINWORD.EXE", "EXCEL.EXE"');
  await expect(
    page.getByTestId('guide').getByRole('heading', { name: 'Possible investigation steps' }),
  ).toBeVisible();
  await expect(page.getByTestId('corpus-picker')).toContainText('Sysmon sample');
  await expect(page.locator('.monaco-editor')).toHaveCount(0);

  releaseEditor();
  await expect(page.getByTestId('query-editor').locator('.monaco-editor')).toBeVisible();
  await expect(preview).toHaveCount(0);
  await expect(page.getByTestId('skeleton')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { falseStates: string[] }).falseStates)).toEqual([]);
});

test('static files are sent precompressed, and the editor chunk is not part of the first script', async ({
  page,
  request,
}) => {
  await page.goto('/');
  const entry = await page.locator('script[type="module"]').first().getAttribute('src');
  expect(entry).toMatch(/^\/assets\/index-.*\.js$/);
  const brotli = await request.get(entry ?? '', { headers: { 'accept-encoding': 'br' } });
  expect(brotli.headers()['content-encoding']).toBe('br');
  const gzip = await request.get(entry ?? '', { headers: { 'accept-encoding': 'gzip' } });
  expect(gzip.headers()['content-encoding']).toBe('gzip');
  // Monaco arrives as its own chunk, after first paint.
  expect(await (await request.get('/')).text()).not.toContain('QueryEditor');
});
