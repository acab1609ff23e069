import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';

// Work survives a reload (user trial, issue 7 follow-up): the edited query, the chosen corpus,
// the options and the exception being built come back after F5; the browser asks before rule
// edits not saved to the library go; "Start over" goes back to the seed.

const SEED = 'Suspicious WMI Image Load from MS Office';
const here = dirname(fileURLToPath(import.meta.url));
const sample = join(here, '..', '..', 'apps', 'server', 'corpora', 'sysmon-sample.ndjson');

async function typeQuery(page: Page, text: string) {
  await page.getByTestId('query-editor').locator('.monaco-editor').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

/** Uploads the bundled sample minus its first event as a corpus of its own; returns its id. */
async function uploadCorpus(page: Page, name: string): Promise<string> {
  const lines = readFileSync(sample, 'utf8').trimEnd().split('\n').slice(1);
  const res = await page.request.post(`/api/corpora?name=${encodeURIComponent(name)}&format=ndjson`, {
    data: `${lines.join('\n')}\n`,
    headers: { 'content-type': 'application/x-ndjson' },
  });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { corpus: { id: string } }).corpus.id;
}

test('a reload keeps the edited query, the chosen corpus and the size; Start over goes back to the seed', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByTestId('rule-name')).toHaveText(SEED);
  const corpusId = await uploadCorpus(page, 'Imported before reload');
  await page.reload();
  await expect(page.getByTestId('rule-name')).toHaveText(SEED);

  await page.getByTestId('corpus-picker').selectOption(corpusId);
  await page.getByTestId('size-picker').selectOption('10');
  const edited = 'any where process.name : "EXCEL.EXE" and ?dll.name : "wmiutils.dll"';
  await typeQuery(page, edited);
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('match-count')).toHaveText('2');
  // Saving is debounced: wait until this tab holds the edited query (the seed query also names
  // EXCEL.EXE, so only the new text proves the last save happened).
  await expect
    .poll(() => page.evaluate(() => sessionStorage.getItem('rulebench.workingState') ?? ''))
    .toContain('any where process.name');

  await page.reload();
  await expect(page.getByTestId('rule-name')).toHaveText(SEED);
  await expect(page.getByTestId('query-editor')).toContainText('any where process.name');
  await expect(page.getByTestId('corpus-picker')).toHaveValue(corpusId);
  // Only the query changed: the rule is not marked as edited, and leaving asks nothing.
  await expect(page.getByTestId('editor-dirty')).toHaveCount(0);
  await expect(page.getByTestId('size-picker')).toHaveValue('10');
  // The restored query runs again over the restored corpus.
  await expect(page.getByTestId('match-count')).toHaveText('2');

  // A new tab of the same browser picks up the last work too.
  const second = await page.context().newPage();
  await second.goto('/');
  await expect(second.getByTestId('query-editor')).toContainText('any where process.name');
  await second.close();

  await page.getByTestId('start-over').click();
  await expect(page.getByTestId('rule-name')).toHaveText(SEED);
  await expect(page.getByTestId('query-editor')).toContainText('host.os.type == "windows"');
  await expect(page.getByTestId('query-editor')).not.toContainText('any where process.name');
  await expect(page.getByTestId('size-picker')).toHaveValue('100');
  await expect(page.getByTestId('corpus-picker')).toHaveValue('sysmon-sample');
});

test('the browser asks before unsaved rule edits are left; after the reload they are back', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByTestId('rule-name')).toHaveText(SEED);
  await page.getByTestId('open-rule-editor').click();
  await expect(page.getByRole('dialog', { name: 'Rule editor' })).toBeVisible();
  await page.getByTestId('editor-severity').selectOption('high');
  await expect(page.getByTestId('editor-dirty')).toBeVisible();
  await expect(page.getByTestId('rule-severity')).toHaveText('high');
  await expect
    .poll(() => page.evaluate(() => sessionStorage.getItem('rulebench.workingState') ?? ''))
    .toContain('"severity":"high"');

  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.type());
    void dialog.accept();
  });
  await page.reload();
  expect(dialogs).toEqual(['beforeunload']);
  await expect(page.getByTestId('rule-name')).toHaveText(SEED);
  await expect(page.getByTestId('rule-severity')).toHaveText('high');
});
