import { expect, test } from './fixtures.js';
import { editorText, focusEditor, openWorkbench, replaceQuery } from './workbench-helpers.js';

// Issue 6, editing: diagnostics, completion, hover and formatting all come from the EQL engine
// running in the page; Ctrl+Enter runs.

test('typing a broken query shows an error marker and message, without asking the server', async ({
  page,
}) => {
  await openWorkbench(page);
  const searches: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('search')) searches.push(r.url());
  });
  await replaceQuery(page, 'process where process.name == ');
  const editor = page.getByTestId('query-editor');
  await expect(editor.locator('.squiggly-error').first()).toBeVisible();
  await expect(page.getByTestId('query-error')).toHaveText(
    /^1:31 Expected an expression, found end of query\./,
  );
  // Fixing it clears the marker.
  await page.keyboard.insertText('"cmd.exe"');
  await expect(editor.locator('.squiggly-error')).toHaveCount(0);
  await expect(page.getByTestId('query-error')).toHaveCount(0);
  await expect(page.getByText('✓ Query parses')).toBeVisible();
  expect(searches).toEqual([]);
});

test('an unknown field gets a warning marker with a suggestion', async ({ page }) => {
  await openWorkbench(page);
  await replaceQuery(page, 'process where process.nmae == "cmd.exe"');
  await expect(page.getByTestId('query-warning')).toContainText('process.nmae');
  await expect(page.getByTestId('query-warning')).toContainText('process.name');
  await expect(page.getByTestId('query-editor').locator('.squiggly-warning').first()).toBeVisible();
});

test('completion offers dll.name after `dll.`, with its ECS type and docs', async ({ page }) => {
  await openWorkbench(page);
  await replaceQuery(page, 'library where ');
  await page.keyboard.type('dll.');
  const suggest = page.locator('.suggest-widget');
  await expect(suggest).toBeVisible();
  const row = suggest.locator('.monaco-list-row', { hasText: 'dll.name' }).first();
  await expect(row).toBeVisible();
  await expect(suggest.locator('.monaco-list-row', { hasText: 'process.name' })).toHaveCount(0);
  await page.keyboard.type('na');
  await expect(suggest.locator('.monaco-list-row').first()).toContainText('dll.name');
  await page.keyboard.press('Enter');
  await expect.poll(() => editorText(page)).toBe('library where dll.name');
});

test('completion offers the values of the field on the left, with their event counts', async ({ page }) => {
  await openWorkbench(page);
  const counts = (await (
    await page.request.get('/api/corpora/sysmon-sample/fields/process.name/values?limit=3')
  ).json()) as { values: { value: string; count: number }[] };
  const top = counts.values[0];
  if (!top) throw new Error('the sample corpus has process names');
  await replaceQuery(page, 'process where process.name : ');
  await page.keyboard.press('ControlOrMeta+Space');
  const suggest = page.locator('.suggest-widget');
  const first = suggest.locator('.monaco-list-row').first();
  await expect(first).toContainText(top.value);
  // The focused row shows its detail: the field and how many events hold the value.
  await expect(suggest.locator('.monaco-list-row.focused .details-label')).toHaveText(
    `process.name · ${top.count.toLocaleString('en-US')} events`,
  );
  await page.keyboard.press('Enter');
  await expect.poll(() => editorText(page)).toBe(`process where process.name : "${top.value}"`);
});

test('hover shows the ECS documentation of a field and its values in the corpus', async ({ page }) => {
  await openWorkbench(page);
  await replaceQuery(page, 'any where host.os.type == "windows"');
  const field = page
    .getByTestId('query-editor')
    .locator('.view-line span span', { hasText: 'host.os.type' })
    .first();
  await field.hover();
  const hover = page.locator('.monaco-hover:not(.hidden)');
  await expect(hover).toContainText('host.os.type');
  await expect(hover).toContainText('Which commercial OS family');
  await expect(hover).toContainText('In this corpus');
  await expect(hover).toContainText('Top values in this corpus');
  await expect(hover).toContainText('"windows"');
});

test('Format rewrites the query as canonical EQL, and leaves a broken query alone with a notice', async ({
  page,
}) => {
  await openWorkbench(page);
  await replaceQuery(page, 'process   where   process.name:"cmd.exe"and   process.pid>4');
  await page.getByRole('button', { name: 'Format' }).click();
  await expect
    .poll(() => editorText(page))
    .toBe('process where process.name : "cmd.exe" and\n  process.pid > 4');
  await replaceQuery(page, 'process  where process.name ==');
  await page.getByRole('button', { name: 'Format' }).click();
  await expect(page.getByText('The query has errors; fix them to format it.')).toBeVisible();
  expect(await editorText(page)).toBe('process  where process.name ==');
});

test('Ctrl+Enter runs the query and closes the completion popup', async ({ page }) => {
  await openWorkbench(page);
  await replaceQuery(page, 'library where dll.name : "wmiutils.dll" and process.name : "EXCEL.EXE" and ');
  await page.keyboard.press('ControlOrMeta+Space');
  const suggest = page.locator('.suggest-widget');
  await expect(suggest).toBeVisible();
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('ControlOrMeta+Space');
  await expect(suggest).toBeVisible();
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(page.getByTestId('match-count')).toHaveText('2');
  await expect(suggest).toBeHidden();
  // And from outside the editor too.
  await replaceQuery(page, 'library where dll.name : "wmiutils.dll" and process.name : "WINWORD.EXE"');
  await page.getByTestId('size-picker').focus();
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(page.getByTestId('match-count')).toHaveText('1');
});

test('comment toggling and bracket matching work in the editor', async ({ page }) => {
  await openWorkbench(page);
  await replaceQuery(page, 'process where true');
  await focusEditor(page);
  // Add and remove a line comment (Ctrl+K Ctrl+C / Ctrl+K Ctrl+U).
  await page.keyboard.press('ControlOrMeta+KeyK');
  await page.keyboard.press('ControlOrMeta+KeyC');
  await expect.poll(() => editorText(page)).toBe('// process where true');
  await page.keyboard.press('ControlOrMeta+KeyK');
  await page.keyboard.press('ControlOrMeta+KeyU');
  await expect.poll(() => editorText(page)).toBe('process where true');
  await replaceQuery(page, 'process where (true)');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('query-editor').locator('.bracket-match')).toHaveCount(2);
});
