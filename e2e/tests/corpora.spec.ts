import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';

// Issue 5 in the workbench: import files as corpora (progress, report, the explicit choice to
// skip bad records), pick them, browse their events in the virtualized table, rename, delete.

const here = dirname(fileURLToPath(import.meta.url));
const shared = process.env.RULEBENCH_SHARED ?? resolve(here, '..', '..', '..', 'shared');
const EVTX = join(
  shared,
  'datasets/mdecrevoisier-EVTX-to-MITRE-Attack/TA0002-Execution/T1047-Windows Management Instrumentation',
  'ID3-7-10-Suspicious DLL loaded (CME+Mimikatz).evtx',
);
const EVTX_NAME = 'ID3-7-10-Suspicious DLL loaded (CME+Mimikatz)';
const haveEvtx = existsSync(EVTX);
if (!haveEvtx) console.warn(`corpora.spec: ${EVTX} is absent; the EVTX upload test is skipped`);

const BAD_NDJSON = [
  '{"@timestamp":"2024-03-01T10:00:00Z","event":{"category":"process"},"process":{"name":"good-one.exe"}}',
  '{"@timestamp": "2024-03-01T10:00:01Z", "process": {"name": ',
  '{"@timestamp":"2024-03-01T10:00:02Z","event":{"category":"process"},"process":{"name":"good-two.exe"}}',
  '',
].join('\n');

async function openEvents(page: Page) {
  await page.getByRole('tab', { name: 'Events' }).click();
  await expect(page.getByTestId('events-table')).toBeVisible();
}

async function typeQuery(page: Page, text: string) {
  await page.getByTestId('query-editor').locator('.monaco-editor').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

async function seriousViolations(page: Page, include: string) {
  const result = await new AxeBuilder({ page }).include(include).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test.describe('corpora', () => {
  test.skip(!haveEvtx, 'the shared datasets are absent');

  test('an EVTX upload shows progress and its report, becomes the corpus, is queried, renamed and deleted', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.getByTestId('rule-name')).toBeVisible();
    // The seed rule's three positives in the bundled corpus.
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('match-count')).toHaveText('3');
    // Hold the upload a moment so its progress bar can be seen before the report replaces it.
    await page.route('**/api/corpora?*', async (route) => {
      if (route.request().method() === 'POST') await new Promise((r) => setTimeout(r, 1200));
      await route.continue();
    });

    await page.getByTestId('corpus-manage').click();
    const dialog = page.getByRole('dialog', { name: 'Corpora' });
    await expect(dialog).toBeVisible();
    await page.getByTestId('upload-input').setInputFiles(EVTX);
    await expect(page.getByTestId('upload-name')).toHaveValue(EVTX_NAME);
    await page.getByTestId('upload-button').click();
    await expect(page.getByTestId('upload-progress')).toBeVisible();
    await expect(page.getByTestId('upload-progress').getByRole('progressbar')).toBeVisible();

    const report = page.getByTestId('import-report');
    await expect(report).toBeVisible();
    await expect(page.getByTestId('report-read')).toHaveText('5');
    await expect(page.getByTestId('report-imported')).toHaveText('5');
    await expect(page.getByTestId('report-rejected')).toHaveText('0');
    await expect(report).toContainText('EVTX');
    await expect(page.getByTestId('import-done').getByRole('progressbar')).toHaveAttribute(
      'aria-valuenow',
      '100',
    );
    expect(await seriousViolations(page, '[data-testid="corpus-dialog"]')).toEqual([]);

    // The new corpus is selected in the picker with its size and time range.
    const picker = page.getByTestId('corpus-picker');
    const selectedOption = picker.locator('option:checked');
    // A long name leaves the date out of the option (it would be cut at 1280 px); the tooltip has it.
    await expect(selectedOption).toHaveText(`${EVTX_NAME} — 5 events`);
    await expect(picker).toHaveAttribute('title', /2021-11-30/);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
    // Switching corpus re-ran the search there: no Office process loads wmiutils.dll in it.
    await expect(page.getByTestId('match-count')).toHaveText('0');

    // The events table shows its five events, in time order.
    await openEvents(page);
    await expect(page.getByTestId('events-count')).toHaveText('5 events');
    const rows = page.getByTestId('events-row');
    await expect(rows).toHaveCount(5);
    await expect(rows.first()).toContainText('2021-11-30 22:05:44.846');
    await expect(rows.first()).toContainText('powershell.exe');
    await expect(rows.first()).toContainText('fs03vuln.offsec.lan');
    await expect(rows.nth(4)).toContainText('2021-11-30 22:05:59.927');

    // A query on it matches all five.
    await typeQuery(page, 'any where process.name : "powershell.exe"');
    await page.getByTestId('run-button').click();
    await page.getByRole('tab', { name: 'Matches' }).click();
    await expect(page.getByTestId('match-count')).toHaveText('5');
    await expect(page.getByTestId('match-item')).toHaveCount(5);

    // Rename.
    await page.getByTestId('corpus-manage').click();
    const item = dialog.getByTestId('corpus-item').filter({ hasText: EVTX_NAME });
    await item.getByRole('button', { name: `Rename ${EVTX_NAME}` }).click();
    await item.getByTestId('corpus-rename-input').fill('CME + Mimikatz DLL loads');
    await item.getByTestId('corpus-rename-input').press('Enter');
    await expect(
      dialog.getByTestId('corpus-item-name').filter({ hasText: 'CME + Mimikatz DLL loads' }),
    ).toBeVisible();
    await expect(selectedOption).toHaveText('CME + Mimikatz DLL loads — 5 events, 2021-11-30');

    // Delete: asks first, then the picker falls back to the bundled corpus.
    const renamed = dialog.getByTestId('corpus-item').filter({ hasText: 'CME + Mimikatz DLL loads' });
    await renamed.getByRole('button', { name: 'Delete CME + Mimikatz DLL loads' }).click();
    await expect(renamed.getByRole('alertdialog')).toContainText(
      'Delete “CME + Mimikatz DLL loads” and its 5 events?',
    );
    await renamed.getByTestId('corpus-delete-confirm').click();
    await expect(
      dialog.getByTestId('corpus-item').filter({ hasText: 'CME + Mimikatz DLL loads' }),
    ).toHaveCount(0);
    await expect(picker.locator('option')).toHaveCount(1);
    await expect(selectedOption).toContainText('Sysmon sample (Security-Datasets) — 1,779 events');
    // …and the search followed it back (the bundled corpus has 127 powershell.exe events: more
    // than size 100, and the count says so truthfully).
    await page.getByTestId('corpus-dialog').getByRole('button', { name: 'Close' }).click();
    await page.getByRole('tab', { name: 'Matches' }).click();
    await expect(page.getByTestId('match-count')).toHaveText('127');
    await expect(page.getByText('(showing 100 of 127)')).toBeVisible();
    await expect(page.getByTestId('search-error')).toHaveCount(0);
  });

  test('a malformed NDJSON line is reported by line, and skipping it is the user’s explicit choice', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.getByTestId('rule-name')).toBeVisible();
    await page.getByTestId('corpus-manage').click();

    // Drop the file onto the drop zone.
    const transfer = await page.evaluateHandle((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'two-good-one-bad.ndjson', { type: 'application/x-ndjson' }));
      return data;
    }, BAD_NDJSON);
    await page.getByTestId('upload-dropzone').dispatchEvent('drop', { dataTransfer: transfer });
    await expect(page.getByTestId('upload-files')).toContainText('two-good-one-bad.ndjson');
    await expect(page.getByTestId('upload-name')).toHaveValue('two-good-one-bad');
    await page.getByTestId('upload-button').click();

    const failed = page.getByTestId('import-failed');
    await expect(failed.getByRole('alert')).toHaveText('Nothing was stored: 1 record could not be imported.');
    await expect(page.getByTestId('report-read')).toHaveText('3');
    await expect(page.getByTestId('report-imported')).toHaveText('0');
    await expect(page.getByTestId('report-rejected')).toHaveText('1');
    await expect(page.getByTestId('report-errors')).toContainText(
      'two-good-one-bad.ndjson, line 2: invalid JSON',
    );
    // Nothing was stored.
    await expect(page.getByTestId('corpus-picker').locator('option')).toHaveCount(1);

    await page.getByTestId('upload-retry-skip').click();
    await expect(page.getByTestId('report-imported')).toHaveText('2');
    await expect(page.getByTestId('report-rejected')).toHaveText('1');
    await expect(page.getByTestId('report-errors')).toContainText('line 2');
    await expect(page.getByTestId('corpus-picker').locator('option:checked')).toHaveText(
      'two-good-one-bad — 2 events, 2024-03-01',
    );
    await page.keyboard.press('Escape');
    await openEvents(page);
    await expect(page.getByTestId('events-row')).toHaveCount(2);
    await expect(page.getByTestId('events-row').nth(1)).toContainText('good-two.exe');
  });

  test('bundled corpora are read-only and say so', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('corpus-manage').click();
    const bundled = page.getByTestId('corpus-item').filter({ hasText: 'Sysmon sample (Security-Datasets)' });
    await expect(bundled).toContainText('bundled · read-only');
    await expect(bundled).toContainText('1,779 events · 2020-07-22 03:27:52 → 2020-10-18 06:17:11 UTC');
    await expect(bundled).toContainText('Read-only: upload a copy to change it.');
    await expect(bundled.getByRole('button', { name: /Rename|Delete/ })).toHaveCount(0);
  });

  test('the events table is virtualized, moves with the arrow keys, filters and chooses columns', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.getByTestId('rule-name')).toBeVisible();
    await openEvents(page);
    await expect(page.getByTestId('events-count')).toHaveText('1,779 events');
    const grid = page.getByTestId('events-grid');
    await expect(grid).toHaveAttribute('aria-rowcount', '1780');
    // Only the rows on screen (plus a few) exist.
    await expect(page.getByTestId('events-row').first()).toBeVisible();
    expect(await page.getByTestId('events-row').count()).toBeLessThan(60);
    await expect(grid.getByRole('columnheader')).toHaveText([
      '@timestamp',
      'event.category',
      'event.action',
      'process.name',
      'host.name',
    ]);

    // Arrow keys move the selection and the event panel follows.
    await page.getByTestId('events-row').first().click();
    await expect(page.getByTestId('event-json')).toContainText('"@timestamp": "2020-07-22T03:27:52.809Z"');
    await grid.press('ArrowDown');
    await expect(page.locator('[data-testid="events-row"][aria-selected="true"]')).toHaveAttribute(
      'data-index',
      '1',
    );
    // End jumps to the last event, fetching its page.
    await grid.press('End');
    const last = page.locator('[data-testid="events-row"][data-index="1778"]');
    await expect(last).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('event-json')).toContainText('"@timestamp": "2020-10-18T06:17:11.226Z"');
    await grid.press('Home');
    await expect(page.locator('[data-testid="events-row"][data-index="0"]')).toHaveAttribute(
      'aria-selected',
      'true',
    );

    // Text filter (server side) and field filter (EQL).
    const filter = page.getByTestId('events-filter');
    await filter.fill('wmiutils');
    await expect(page.getByTestId('events-count')).toHaveText('9 events of 1,779 match');
    await filter.fill('process.name:regsvr32.exe');
    await expect(page.getByTestId('events-count')).toHaveText('80 events of 1,779 match');
    await expect(page.getByTestId('events-eql')).toHaveText('any where process.name : "regsvr32.exe"');
    await filter.fill('destination.port:135');
    await expect(page.getByTestId('events-eql')).toHaveText('any where destination.port == 135');
    await filter.fill('');
    await expect(page.getByTestId('events-count')).toHaveText('1,779 events');

    // Column choice, remembered across reloads.
    await page.getByTestId('events-columns-button').click();
    const chooser = page.getByTestId('events-columns');
    await chooser.getByRole('searchbox', { name: 'Filter fields' }).fill('dll name');
    await chooser.getByRole('checkbox', { name: /^dll\.name/ }).check();
    await chooser.getByRole('searchbox', { name: 'Filter fields' }).fill('host.name');
    await chooser.getByRole('checkbox', { name: /^host\.name/ }).uncheck();
    await page.keyboard.press('Escape');
    await expect(chooser).toBeHidden();
    await expect(grid.getByRole('columnheader')).toHaveText([
      '@timestamp',
      'event.category',
      'event.action',
      'process.name',
      'dll.name',
    ]);
    expect(await seriousViolations(page, '[data-testid="events-table"]')).toEqual([]);
    await page.reload();
    await openEvents(page);
    await expect(page.getByTestId('events-grid').getByRole('columnheader').nth(4)).toHaveText('dll.name');
  });
});
