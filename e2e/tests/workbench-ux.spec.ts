import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import {
  editorText,
  focusEditor,
  libraryRule,
  openLibraryRule,
  openTab,
  openWorkbench,
  postRule,
  replaceQuery,
  runAndCount,
  seriousA11yViolations,
} from './workbench-helpers.js';

/** Fixes from a fresh-eyes user trial of the workbench (task H12). */

/** The colour Monaco paints the first token of a class with, e.g. `mtk` of a keyword. */
async function tokenColor(page: Page, text: string): Promise<string> {
  const spans = page.getByTestId('query-editor').locator('.view-line span span');
  return spans.evaluateAll(
    (els, wanted) =>
      els.filter((el) => el.textContent?.trim() === wanted).map((el) => getComputedStyle(el).color)[0] ??
      'none',
    text,
  );
}

test('switching theme keeps the query highlighted, and the toggle shows its state', async ({ page }) => {
  await openWorkbench(page);
  await replaceQuery(page, 'library where dll.name : "wmiutils.dll"');
  const toggle = page.getByTestId('theme-toggle');
  await expect(toggle).toHaveAttribute('title', /^Theme: system/);
  await expect(toggle).toHaveAccessibleName('Theme: System');
  const lightKeyword = await tokenColor(page, 'where');
  const lightField = await tokenColor(page, 'dll.name');
  expect([lightKeyword, lightField]).toEqual(['rgb(109, 40, 217)', 'rgb(15, 118, 110)']);
  await toggle.click();
  await expect(toggle).toHaveAttribute('title', /^Theme: light/);
  await toggle.click();
  await expect(toggle).toHaveAttribute('title', /^Theme: dark/);
  await expect(page.locator('html')).toHaveClass(/dark/);
  // Dark token colours differ from the light ones, and from each other (not all grey).
  await expect.poll(() => tokenColor(page, 'where')).not.toBe(lightKeyword);
  const darkKeyword = await tokenColor(page, 'where');
  const darkField = await tokenColor(page, 'dll.name');
  expect(darkKeyword).toBe('rgb(196, 181, 253)');
  expect(darkField).toBe('rgb(94, 234, 212)');
});

test('following the system theme to dark repaints the query tokens', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openWorkbench(page);
  await replaceQuery(page, 'library where dll.name : "wmiutils.dll"');
  await expect.poll(() => tokenColor(page, 'where')).toBe('rgb(109, 40, 217)');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => tokenColor(page, 'where')).toBe('rgb(196, 181, 253)');
  await expect.poll(() => tokenColor(page, '"wmiutils.dll"')).toBe('rgb(134, 239, 172)');
});

test('Tab and Shift+Tab leave the query editor instead of inserting a tab', async ({ page }) => {
  await openWorkbench(page);
  await replaceQuery(page, 'process where true');
  await page.keyboard.press('Escape'); // a completion list, if open, takes Tab to accept
  const inEditor = () => page.evaluate(() => document.activeElement?.closest('.monaco-editor') !== null);
  expect(await inEditor()).toBe(true);
  await page.keyboard.press('Tab');
  expect(await inEditor()).toBe(false);
  expect(await editorText(page)).toBe('process where true');
  await focusEditor(page);
  await page.keyboard.press('Shift+Tab');
  expect(await inEditor()).toBe(false);
  const describedBy = await page
    .getByTestId('query-editor')
    .locator('textarea')
    .getAttribute('aria-describedby');
  expect(describedBy).not.toBeNull();
  await expect(page.locator(`[id="${describedBy}"]`)).toContainText('Tab and Shift+Tab move focus out');
});

test('Enter after a closing quote starts a new line instead of accepting a completion', async ({ page }) => {
  await openWorkbench(page);
  await replaceQuery(page, 'process where ');
  // Typed as a user does: the opening quote auto-closes, the closing one types over it.
  await page.keyboard.type('event.category == "proces"', { delay: 30 });
  await page.waitForTimeout(600);
  await page.keyboard.press('Enter');
  await expect.poll(() => editorText(page)).toBe('process where event.category == "proces"\n');
});

test('the status line counts every problem, lists them all, and pluralises', async ({ page }) => {
  await openWorkbench(page);
  await replaceQuery(page, 'process where process.nmae == "a" and process.exe1 == "b" and user.nmae == "c"');
  const count = page.getByTestId('query-problem-count');
  await expect(count).toHaveText('3 warnings');
  await expect(page.getByText('✓ Query parses')).toHaveCount(0);
  await expect(page.getByTestId('query-warning')).not.toContainText('more');
  await count.click();
  const list = page.getByTestId('query-problem-list');
  await expect(list.locator('li')).toHaveCount(3);
  await expect(list).toContainText('process.exe1');
  await expect(list).toContainText('user.nmae');
  await replaceQuery(page, 'process where process.name == ');
  await expect(count).toHaveText('1 error');
  await replaceQuery(page, 'process where process.nmae == "a"');
  await expect(count).toHaveText('1 warning');
  await replaceQuery(page, 'process where process.name == "a"');
  await expect(count).toHaveCount(0);
  await expect(page.getByText('✓ Query parses')).toBeVisible();
});

test('trainer mode keeps sequences grouped and calls samples samples', async ({ page }) => {
  await openWorkbench(page);
  await replaceQuery(page, 'sequence by host.name [process where true] [library where true]');
  await page.getByTestId('size-picker').selectOption('10');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('match-count')).not.toHaveText('0');
  await page.getByRole('button', { name: 'Trainer mode' }).click();
  const group = page.getByTestId('trainer-group');
  await expect(group).toContainText(/^Sequence 1 of \d+ · stage 1 of 2/);
  await expect(group).toContainText('join key');
  await page.keyboard.press('ArrowRight');
  await expect(group).toContainText(/^Sequence 1 of \d+ · stage 2 of 2/);
  await page.keyboard.press('Escape');

  await replaceQuery(page, 'sample by host.name [process where true] [library where true]');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('results-stale')).toHaveCount(0);
  await page.getByRole('button', { name: 'Trainer mode' }).click();
  await expect(group).toContainText(/^Sample 1 of \d+ · event 1 of 2/);
});

test('edits keep the last results on screen, marked stale', async ({ page }) => {
  await openWorkbench(page);
  await runAndCount(page, '3');
  await replaceQuery(page, 'process where process.name == "nothing-matches-this"');
  // Live off: the matches stay, marked, until Run.
  await expect(page.getByTestId('match-count')).toHaveText('3');
  await expect(page.getByTestId('results-stale')).toHaveText('stale — press Run');
  await runAndCount(page, '0');
  await expect(page.getByTestId('results-stale')).toHaveCount(0);
  // Live on, the query broken: the last good matches stay, marked.
  await page.getByTestId('live-toggle').check();
  await replaceQuery(page, 'process where process.name ==');
  await expect(page.getByTestId('match-count')).toHaveText('0');
  await expect(page.getByTestId('results-stale')).toHaveText('stale — the query has errors');
});

/** Whether an input's placeholder (or a select's chosen text) fits its box without clipping. */
async function textFits(control: Locator): Promise<boolean> {
  return control.evaluate((el) => {
    const text =
      el instanceof HTMLSelectElement
        ? (el.selectedOptions[0]?.text ?? '')
        : (el as HTMLInputElement).placeholder;
    const style = getComputedStyle(el);
    const ctx = document.createElement('canvas').getContext('2d');
    if (!ctx) return false;
    ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    // A select also draws its arrow (about 20 px) inside the padding box.
    const arrow = el instanceof HTMLSelectElement ? 20 : 0;
    const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - arrow;
    return ctx.measureText(text).width <= room;
  });
}

test('at 1280×800 the tabs, pickers and filters fit, and the why tree is one tab stop', async ({ page }) => {
  await openWorkbench(page);
  await runAndCount(page, '3');
  const tops = await page
    .getByRole('tab')
    .evaluateAll((tabs) => [...new Set(tabs.map((t) => Math.round(t.getBoundingClientRect().top)))]);
  expect(tops).toHaveLength(1);
  expect(await textFits(page.getByTestId('corpus-picker'))).toBe(true);

  await page.getByTestId('match-item').first().click();
  expect(await seriousA11yViolations(page)).toEqual([]);
  const tree = page.getByRole('tree').first();
  await expect(tree.locator('[role="treeitem"][tabindex="0"]')).toHaveCount(1);
  await tree.locator('[role="treeitem"][tabindex="0"]').focus();
  const focusedText = () => page.evaluate(() => document.activeElement?.textContent ?? '');
  const first = await focusedText();
  await page.keyboard.press('ArrowDown');
  expect(await focusedText()).not.toBe(first);
  expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('treeitem');
  await page.keyboard.press('Home');
  expect(await focusedText()).toBe(first);
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('[role="tree"]') ?? null)).toBeNull();

  await openTab(page, 'Events');
  const table = page.getByTestId('events-table');
  expect(await textFits(table.getByPlaceholder(/^2020-07-22T/))).toBe(true);
  expect(await textFits(table.getByPlaceholder(/^2020-10-18T/))).toBe(true);
  expect(await textFits(page.getByTestId('events-filter'))).toBe(true);
  await openTab(page, 'Exceptions');
  expect(await textFits(page.getByLabel('Condition 1 field'))).toBe(true);
});

test('the editor wraps long queries at spaces, never inside a field name', async ({ page }) => {
  await openWorkbench(page);
  const clause = 'process.parent.executable : "C:\\Windows\\System32\\svchost.exe"';
  await replaceQuery(page, `process where ${Array(8).fill(clause).join(' and ')}`);
  const lines = await page.getByTestId('query-editor').locator('.view-lines .view-line').allInnerTexts();
  expect(lines.length).toBeGreaterThan(1);
  const shown = lines.map((l) => l.replaceAll('\u00a0', ' '));
  // Each wrap falls between clauses: no visual line ends at a dot, none starts with one.
  for (const line of shown) {
    expect(line.trimEnd()).not.toMatch(/\.$/);
    expect(line.trimStart()).not.toMatch(/^\./);
  }
  expect(shown.join('').replace(/\s+/g, ' ')).toContain(clause.replace(/\s+/g, ' '));
});

test('a rule that is not EQL says why nothing runs, and severity moves the risk score', async ({
  page,
  request,
}) => {
  const name = 'Workbench UX KQL rule';
  await postRule(
    request,
    libraryRule({ name, type: 'query', language: 'kuery', query: 'process.name : "cmd.exe"' }),
  );
  await openWorkbench(page);
  await openLibraryRule(page, name);
  await expect(page.getByTestId('run-button')).toBeDisabled();
  await expect(page.getByTestId('run-button')).toHaveAttribute('title', /Only EQL rules can be replayed/);
  await expect(page.getByRole('button', { name: 'Format' })).toBeDisabled();
  await expect(page.getByTestId('not-replayable-results')).toContainText(
    "only EQL rules can be replayed over events, and this rule's type is KQL / Lucene query",
  );
  await expect(page.getByText('Press Run (or Ctrl+Enter)')).toHaveCount(0);

  await page.getByTestId('open-rule-editor').click();
  await page.getByTestId('editor-severity').selectOption('high');
  await expect(page.getByTestId('editor-risk-score')).toHaveValue('73');
  await page.getByTestId('editor-risk-score').fill('60');
  await page.getByTestId('editor-severity').selectOption('medium');
  await expect(page.getByTestId('editor-risk-score')).toHaveValue('47');
  await page.getByTestId('editor-risk-score').fill('50');
  await page.getByTestId('editor-severity').selectOption('high');
  await expect(page.getByTestId('editor-risk-score')).toHaveValue('50');
});

test('the schedule, the exceptions preview and the count see every match, not the Size box', async ({
  page,
}) => {
  await openWorkbench(page);
  await replaceQuery(page, 'library where process.name : "EXCEL.EXE"');
  await runAndCount(page, '290');
  await expect(page.getByTestId('match-shown')).toHaveText('(showing 100 of 290)');
  await expect(page.getByTestId('match-item')).not.toHaveCount(0);
  await openTab(page, 'Schedule');
  const view = page.getByTestId('schedule-view');
  await expect(view).not.toContainText('Simulated on the matches returned only');
  // All 290 matches are simulated (the cap of 100 per run is hit twice), not the 100 shown.
  await expect(view).toContainText('290 alerts in 4 runs · 2 runs hit the cap of 100 alerts.');
  await openTab(page, 'Exceptions');
  await expect(page.getByText(/Would suppress 0 of 290 matches/)).toBeVisible();
  await page.getByLabel('Condition 1 field').fill('process.name');
  await page.getByLabel('Condition 1 operator').selectOption('is');
  await page.getByLabel('Condition 1 value').fill('EXCEL.EXE');
  await expect(page.getByTestId('exception-suppressed')).toHaveText('290');
});

test('matches the rule’s exceptions suppress leave the count and are shown apart', async ({ page }) => {
  await openWorkbench(page);
  await runAndCount(page, '3');
  await openTab(page, 'Exceptions');
  await page.getByLabel('Condition 1 field').fill('process.name');
  await page.getByLabel('Condition 1 operator').selectOption('is');
  await page.getByLabel('Condition 1 value').fill('EXCEL.EXE');
  await page.getByLabel('Exception name').fill('Excel is expected here');
  await page.getByTestId('exception-save').click();
  await expect(page.getByTestId('rule-exception')).toHaveCount(1);
  await openTab(page, 'Matches');
  await expect(page.getByTestId('match-count')).toHaveText('1');
  await expect(page.getByRole('tab', { name: /^Matches/ })).toContainText('1');
  await expect(page.getByTestId('suppressed-count')).toHaveText('· 2 matches suppressed by exceptions');
  const apart = page.getByTestId('suppressed-matches');
  await apart.locator('summary').click();
  await expect(apart.getByTestId('match-item')).toHaveCount(2);
  await expect(apart.getByTestId('match-item').first()).toContainText('EXCEL.EXE');
  // Running again keeps them apart.
  await runAndCount(page, '1');
  await openTab(page, 'Schedule');
  await expect(page.getByTestId('schedule-alerts')).toHaveText('1');
});
