import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';

// The rule editing UI: the library (search, import, open), the editor (every field, findings,
// guide preview), save as, and download that re-imports identically.

const here = dirname(fileURLToPath(import.meta.url));
const shared = process.env.RULEBENCH_SHARED ?? resolve(here, '..', '..', '..', 'shared');
const consolidated = join(shared, 'rules', 'detection_rules', 'etc', 'custom-consolidated-rules.ndjson');
const haveShared = existsSync(consolidated);
if (!haveShared) console.warn(`rules.spec: ${consolidated} is missing; the import test is skipped`);

const SEED = 'Suspicious WMI Image Load from MS Office';

async function openLibrary(page: Page) {
  await page.getByTestId('open-library').click();
  await expect(page.getByRole('dialog', { name: 'Rule library' })).toBeVisible();
}

async function openEditor(page: Page) {
  await page.getByTestId('open-rule-editor').click();
  await expect(page.getByRole('dialog', { name: 'Rule editor' })).toBeVisible();
}

async function seriousViolations(page: Page, selector: string) {
  const result = await new AxeBuilder({ page }).include(selector).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('the library lists the seed rule, searches by text and tag, and finds nothing for nonsense', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByTestId('rule-name')).toHaveText(SEED);
  await openLibrary(page);
  const rules = page.getByTestId('library-rule');
  await page.getByTestId('library-source').selectOption('bundled');
  await expect(rules).toHaveCount(1);
  await expect(rules.first()).toContainText(SEED);
  await expect(rules.first()).toContainText('bundled · default · open');

  await page.getByTestId('library-search').fill('T1047');
  await expect(page.getByTestId('library-count')).toHaveText('1 rule match');
  await page.getByTestId('library-search').fill('no such rule anywhere');
  await expect(page.getByTestId('library-count')).toHaveText('0 rules match');
  await expect(rules).toHaveCount(0);
  await page.getByTestId('library-search').fill('');
  await page.getByTestId('library-tag').selectOption('Data Source: Sysmon');
  await expect(rules).toHaveCount(1);
  await expect(page.getByTestId('library-count')).toHaveText('1 rule match');
  expect(await seriousViolations(page, '[data-testid="rule-library"]')).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('rule-library')).toHaveCount(0);
});

test.describe('importing a Kibana export', () => {
  test.skip(!haveShared, 'needs ../shared/rules');

  test('lists its 9 rules, imports the 2 picked, and opens EQL and non-EQL rules', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('rule-name')).toHaveText(SEED);
    await openLibrary(page);
    await page.getByTestId('import-file').setInputFiles(consolidated);
    const preview = page.getByTestId('import-preview');
    await expect(page.getByTestId('import-summary')).toHaveText(
      'custom-consolidated-rules.ndjson: 9 rules (NDJSON)',
    );
    await expect(page.getByTestId('import-rule')).toHaveCount(9);
    await expect(preview).toContainText(
      '2 exception lists, 2 exception list items, 2 connectors, export summary',
    );
    await preview.getByRole('button', { name: 'None' }).click();
    await preview.getByRole('checkbox', { name: /^test_eql_rule/ }).check();
    await preview.getByRole('checkbox', { name: /^test_kql_rule/ }).check();
    await expect(page.getByTestId('import-confirm')).toHaveText('Import 2 rules');
    await page.getByTestId('import-confirm').click();
    await expect(page.getByTestId('import-done')).toHaveText('custom-consolidated-rules.ndjson: 2 imported.');
    await page.getByTestId('library-source').selectOption('user');
    await expect(page.getByTestId('library-rule-name')).toHaveText(['test_eql_rule', 'test_kql_rule']);
    await page.getByTestId('library-source').selectOption('');

    // Search by tag: only the imported KQL rule carries "ms office".
    await page.getByTestId('library-tag').selectOption('ms office');
    await expect(page.getByTestId('library-rule')).toHaveCount(1);
    await expect(page.getByTestId('library-rule-name')).toHaveText(['test_kql_rule']);
    await page.getByTestId('library-rule').first().getByRole('button').click();
    await expect(page.getByTestId('rule-library')).toHaveCount(0);
    await expect(page.getByTestId('rule-name')).toHaveText('test_kql_rule');
    await expect(page.getByTestId('not-replayable')).toContainText('Only EQL rules can be replayed');
    await expect(page.getByTestId('not-replayable')).toContainText('process.parent.name:EXCEL.EXE');
    await expect(page.getByTestId('run-button')).toBeDisabled();
    await openEditor(page);
    await page.getByRole('tab', { name: /Query & schedule/ }).click();
    await expect(page.getByTestId('editor-not-replayable')).toContainText('KQL / Lucene query rule');
    await page.keyboard.press('Escape');

    await openLibrary(page);
    await page.getByTestId('library-search').fill('test_eql_rule');
    await expect(page.getByTestId('library-rule')).toHaveCount(1);
    await page.getByTestId('library-rule').first().getByRole('button').click();
    await expect(page.getByTestId('rule-name')).toHaveText('test_eql_rule');
    await expect(page.getByTestId('query-editor')).toContainText('sequence by process.entity_id');
    await expect(page.getByTestId('run-button')).toBeEnabled();
  });
});

test('editing severity, guide and saving as a copy; the TOML download re-imports identically', async ({
  page,
}, testInfo) => {
  await page.goto('/');
  await expect(page.getByTestId('rule-name')).toHaveText(SEED);
  await openEditor(page);
  const editor = page.getByTestId('rule-editor');
  await expect(page.getByTestId('editor-save-state')).toContainText('Bundled rules are read-only');

  await page.getByTestId('editor-severity').selectOption('high');
  const finding = editor.getByTestId('field-finding');
  // The risk score follows the severity when it falls outside the new band (21 is not 48–73).
  await expect(page.getByTestId('editor-risk-score')).toHaveValue('73');
  await expect(finding).toHaveCount(0);
  await expect(page.getByTestId('rule-severity')).toHaveText('high');
  await expect(page.getByTestId('editor-dirty')).toBeVisible();
  // A score typed outside the band is flagged, with the fix one click away.
  await page.getByTestId('editor-risk-score').fill('21');
  await expect(finding).toHaveText(['Warning: risk_score 21 does not fit severity "high" (48–73).']);
  await editor.getByRole('button', { name: 'Use 73' }).click();
  await expect(page.getByTestId('editor-risk-score')).toHaveValue('73');
  await expect(finding).toHaveCount(0);
  await expect(page.getByTestId('rule-risk-score')).toHaveText('73');

  await page.getByRole('tab', { name: 'Investigation guide' }).click();
  await page
    .getByTestId('editor-note')
    .fill('## Triage steps\n\nCheck who loaded **wmiutils.dll**.\n\n- parent process\n- user');
  const preview = page.getByTestId('editor-note-preview');
  await expect(preview.getByRole('heading', { name: 'Triage steps' })).toBeVisible();
  await expect(preview.locator('strong')).toHaveText('wmiutils.dll');
  await expect(preview.locator('li')).toHaveText(['parent process', 'user']);
  // The workbench's own guide panel shows the edited guide too.
  await expect(page.getByTestId('guide').getByRole('heading', { name: 'Triage steps' })).toBeVisible();
  expect(await seriousViolations(page, '[data-testid="rule-editor"]')).toEqual([]);

  await page.getByTestId('editor-save-as').click();
  await expect(page.getByTestId('editor-message')).toHaveText('Saved as your own copy in the library.');
  await expect(page.getByTestId('editor-save-state')).toHaveText('Saved, revision 1.');
  await expect(page.getByTestId('editor-dirty')).toHaveCount(0);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('download-toml').click(),
  ]);
  expect(download.suggestedFilename()).toBe('suspicious_wmi_image_load_from_ms_office.toml');
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  const text = readFileSync(file, 'utf8');
  expect(text).toContain('severity = "high"');
  expect(text).toContain('risk_score = 73');
  expect(text).toContain('## Triage steps');
  await page.keyboard.press('Escape');

  // Re-import the download: the library already holds exactly this rule.
  await openLibrary(page);
  await page.getByTestId('import-file').setInputFiles(file);
  await expect(page.getByTestId('import-summary')).toHaveText(
    'suspicious_wmi_image_load_from_ms_office.toml: 1 rule (TOML)',
  );
  await expect(page.getByTestId('import-rule')).toContainText('already in the library, identical');
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('rule-library')).toHaveCount(0);
  await expect(page.getByTestId('rule-severity')).toHaveText('high');
  await openEditor(page);
  const [again] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('download-toml').click(),
  ]);
  const second = testInfo.outputPath('again.toml');
  await again.saveAs(second);
  expect(readFileSync(second, 'utf8')).toBe(text);
});

test('a malformed TOML paste shows the error with its line, and imports nothing', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('rule-name')).toHaveText(SEED);
  await openLibrary(page);
  const before = await page.getByTestId('library-count').textContent();
  await page.getByText('Paste TOML or NDJSON').click();
  await page
    .getByLabel('Rule text (TOML or NDJSON)')
    .fill('[metadata]\ncreation_date = "2020/01/01"\n\n[rule]\nname = "unterminated\nseverity = "low"\n');
  await page.getByRole('button', { name: 'Read pasted text' }).click();
  const error = page.getByTestId('import-error');
  await expect(error).toContainText('Could not read pasted text; nothing was imported:');
  await expect(error).toContainText('Line 5, column 21: Invalid TOML document');
  await expect(page.getByTestId('import-preview')).toHaveCount(0);
  await expect(page.getByTestId('library-count')).toHaveText(before ?? '');
});

test('query findings are editor markers; the ATT&CK picker checks ids and nests subtechniques', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByTestId('rule-name')).toHaveText(SEED);
  await page.getByTestId('query-editor').locator('.monaco-editor').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText('process where process.pid == "abc"');
  await expect(page.getByTestId('query-editor').locator('.squiggly-warning')).toHaveCount(1);
  await openEditor(page);
  await page.getByRole('tab', { name: /Query & schedule/ }).click();
  await expect(page.getByTestId('rule-editor').getByTestId('field-finding')).toHaveText([
    'Warning: "process.pid" is a long field, compared with the string "abc".',
  ]);

  await page.getByRole('tab', { name: 'ATT&CK' }).click();
  await expect(page.getByTestId('attack-tactic')).toHaveText(['TA0002 Execution']);
  await page.getByRole('button', { name: 'Add technique to Execution' }).click();
  await page.getByTestId('attack-technique-id').fill('T1059.001');
  await expect(page.getByTestId('attack-id-problem')).toHaveText(
    'T1059.001 is a subtechnique: add it under technique T1059.',
  );
  await page.getByTestId('attack-technique-id').fill('T1059');
  await page.getByTestId('attack-technique-name').fill('Command and Scripting Interpreter');
  await page.getByTestId('attack-technique-add').click();
  await expect(page.getByTestId('attack-technique')).toHaveText([
    'T1047 Windows Management Instrumentation',
    'T1059 Command and Scripting Interpreter',
  ]);
  await page.getByRole('button', { name: 'Add subtechnique to T1059' }).click();
  await page.getByTestId('attack-subtechnique-id').fill('T1047.001');
  await expect(page.getByTestId('attack-id-problem')).toHaveText('T1047.001 is not part of technique T1059.');
  await page.getByTestId('attack-subtechnique-id').fill('T1059.001');
  await page.getByTestId('attack-subtechnique-name').fill('PowerShell');
  await page.getByTestId('attack-subtechnique-add').click();
  await expect(page.getByTestId('attack-subtechnique')).toHaveText(['T1059.001 PowerShell']);
  await page.getByRole('tab', { name: 'All fields' }).click();
  await expect(page.getByTestId('editor-all-fields')).toContainText(
    '"reference": "https://attack.mitre.org/techniques/T1059/001/"',
  );
  await expect(page.getByTestId('editor-all-fields')).toContainText(
    '"query": "process where process.pid == \\"abc\\"\\n"',
  );
});

test("the ATT&CK picker offers the bundled catalog, the tactic's own techniques first, and flags others", async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByTestId('rule-name')).toHaveText(SEED);
  await openEditor(page);
  await page.getByRole('tab', { name: 'ATT&CK' }).click();
  await page.getByRole('button', { name: 'Add technique to Execution' }).click();
  const idInput = page.getByTestId('attack-technique-id');
  const listId = await idInput.getAttribute('list');
  const offered = await page
    .locator(`datalist[id="${listId}"] option`)
    .evaluateAll((options) => options.map((o) => `${(o as HTMLOptionElement).value} ${o.textContent}`));
  const wmi = offered.indexOf('T1047 Windows Management Instrumentation');
  const dumping = offered.indexOf('T1003 OS Credential Dumping (listed under Credential Access)');
  expect(wmi).toBeGreaterThanOrEqual(0);
  expect(dumping).toBeGreaterThan(wmi);
  expect(offered.length).toBeGreaterThan(100);

  // A known id fills in ATT&CK's name; one listed under another tactic is flagged, not refused.
  await idInput.fill('T1003');
  await expect(page.getByTestId('attack-technique-name')).toHaveValue('OS Credential Dumping');
  await page.getByTestId('attack-technique-add').click();
  await expect(page.getByTestId('attack-technique')).toHaveText([
    'T1047 Windows Management Instrumentation',
    'T1003 OS Credential Dumping',
  ]);
  await expect(page.getByTestId('rule-editor').getByTestId('field-finding')).toHaveText([
    'Warning: technique T1003 "OS Credential Dumping" is not listed under tactic TA0002 Execution in the bundled ATT&CK catalog (the techniques the published Elastic rules map); it has it under TA0006 Credential Access.',
  ]);
});

const REVISED_RULE_ID = '6a0f3c1e-9b7d-4e2a-8c5f-1d2e3f4a5b6c';
const revisedRule = (riskScore: number) => `[metadata]
creation_date = "2024/06/01"
maturity = "development"
updated_date = "2024/06/01"

[rule]
author = ["Rulebench e2e"]
description = "A rule imported twice in this test, to have revisions."
from = "now-9m"
index = ["logs-endpoint.events.*"]
language = "eql"
license = "Elastic License v2"
name = "Revisions and deleting"
risk_score = ${riskScore}
rule_id = "${REVISED_RULE_ID}"
severity = "medium"
type = "eql"
query = '''
process where process.name == "cmd.exe"
'''
`;

async function importToml(page: Page, text: string, status: RegExp) {
  await openLibrary(page);
  await page.getByTestId('import-file').setInputFiles({
    name: 'revisions.toml',
    mimeType: 'application/toml',
    buffer: Buffer.from(text),
  });
  await expect(page.getByTestId('import-rule')).toContainText(status);
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('rule-library')).toHaveCount(0);
  await expect(page.getByTestId('rule-name')).toHaveText('Revisions and deleting');
}

test('imported rules list and open their revisions, and delete; bundled ones say they cannot be', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByTestId('rule-name')).toHaveText(SEED);
  await importToml(page, revisedRule(47), /· new(?! revision)/);
  await importToml(page, revisedRule(47), /already in the library, identical/);
  await importToml(page, revisedRule(40), /changed: a new revision of your copy/);
  await expect(page.getByTestId('rule-risk-score')).toHaveText('40');

  await openLibrary(page);
  await page.getByTestId('library-search').fill('Revisions and deleting');
  const entry = page.getByTestId('library-entry').filter({ hasText: 'Revisions and deleting' });
  await expect(entry).toHaveCount(1);
  await entry.getByTestId('library-rule-details').click();
  await expect(entry.getByTestId('library-rule-details')).toHaveAttribute('aria-expanded', 'true');
  const revisions = entry.getByTestId('library-revision');
  await expect(revisions).toHaveCount(2);
  await expect(revisions.nth(0)).toContainText('Revision 2 (latest) · TOML · revisions.toml');
  await expect(revisions.nth(1)).toContainText('Revision 1 · TOML · revisions.toml');
  await revisions.nth(1).getByRole('button', { name: 'Open revision 1' }).click();
  await expect(page.getByTestId('rule-library')).toHaveCount(0);
  await expect(page.getByTestId('rule-risk-score')).toHaveText('47');
  await openEditor(page);
  await expect(page.getByTestId('editor-save-state')).toHaveText(
    'Showing revision 1 of 2: saving stores it as revision 3.',
  );
  await expect(page.getByTestId('editor-save')).toHaveText('Restore as latest');
  await page.keyboard.press('Escape');

  // Deleting asks first; Esc cancels the question only, and focus goes back to "Delete…".
  await openLibrary(page);
  await page.getByTestId('library-search').fill('Revisions and deleting');
  await entry.getByTestId('library-rule-details').click();
  await entry.getByTestId('library-delete').click();
  const confirm = entry.getByTestId('library-delete-confirm');
  await expect(confirm).toContainText(
    'Delete “Revisions and deleting” and its 2 revisions? This cannot be undone.',
  );
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  await expect(page.getByTestId('rule-library')).toBeVisible();
  await expect(entry.getByTestId('library-delete')).toBeFocused();
  await entry.getByTestId('library-delete').click();
  await entry.getByTestId('library-delete-confirm-button').click();
  await expect(page.getByTestId('library-notice')).toHaveText(
    'Deleted “Revisions and deleting”. The workbench keeps it open as an unsaved rule.',
  );
  await expect(entry).toHaveCount(0);
  await expect(page.getByTestId('library-search')).toBeFocused();

  await page.getByTestId('library-search').fill('');
  await page.getByTestId('library-source').selectOption('bundled');
  await expect(page.getByTestId('library-entry')).toHaveCount(1);
  const seed = page.getByTestId('library-entry').filter({ hasText: SEED });
  await seed.getByTestId('library-rule-details').click();
  await expect(seed.getByTestId('library-delete-bundled')).toHaveText(
    'Bundled rules are read-only and cannot be deleted. Open it and use “Save as” to make an editable copy.',
  );
  await expect(seed.getByTestId('library-delete')).toHaveCount(0);
  await expect(seed.getByTestId('library-revision')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await openEditor(page);
  await expect(page.getByTestId('editor-save-state')).toHaveText(
    'This rule is not in the library yet: saving adds it as your own.',
  );
});

/** The aria-label of the dialog holding the focus, or null when focus is outside every dialog. */
const focusedDialog = (page: Page) =>
  page.evaluate(() => document.activeElement?.closest('[role="dialog"]')?.getAttribute('aria-label') ?? null);

test('the editor and library drawers keep Tab inside, close on Esc, and give focus back to the opener', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByTestId('rule-name')).toHaveText(SEED);
  for (const { opener, label } of [
    { opener: 'open-rule-editor', label: 'Rule editor' },
    { opener: 'open-library', label: 'Rule library' },
  ]) {
    await expect(page.getByTestId(opener)).toBeEnabled();
    await page.getByTestId(opener).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: label });
    await expect(dialog).toBeVisible();
    await expect.poll(() => focusedDialog(page)).toBe(label);
    const first = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80));
    // More presses than the drawer has stops: focus wraps around and never leaves it.
    const stops = await dialog.evaluate(
      (el) =>
        [
          ...el.querySelectorAll<HTMLElement>(
            'a[href], details > summary, button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])',
          ),
        ].filter((e) => e.tabIndex >= 0 && e.getClientRects().length > 0).length,
    );
    expect(stops).toBeGreaterThan(3);
    const seen = new Set<string>();
    for (let i = 0; i < stops + 2; i++) {
      await page.keyboard.press('Tab');
      expect(await focusedDialog(page)).toBe(label);
      seen.add((await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80))) ?? '');
    }
    expect(seen.has(first ?? '')).toBe(true);
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Shift+Tab');
      expect(await focusedDialog(page)).toBe(label);
    }
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId(opener)).toBeFocused();
  }
});

// The library and the editor fit 1280x800 and a 1920 screen, in light and dark: no sideways scroll.
test.describe('layout', () => {
  for (const size of [
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ]) {
    for (const scheme of ['light', 'dark'] as const) {
      test(`library and editor fit ${size.width}x${size.height}, ${scheme}`, async ({ page }) => {
        await page.setViewportSize(size);
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto('/');
        await expect(page.getByTestId('rule-name')).toHaveText(SEED);
        const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(await overflow()).toBe(0);
        await openLibrary(page);
        expect(await overflow()).toBe(0);
        await page.keyboard.press('Escape');
        await openEditor(page);
        await page.getByTestId('editor-severity').selectOption('critical');
        await expect(page.getByTestId('editor-severity')).toBeInViewport();
        expect(await overflow()).toBe(0);
        await page.getByRole('tab', { name: 'ATT&CK' }).click();
        await page.getByRole('button', { name: /Add technique to Execution/ }).click();
        await page.getByTestId('attack-technique-id').fill('T1059.001');
        await expect(page.getByTestId('attack-technique-id')).toBeInViewport();
        expect(await overflow()).toBe(0);
      });
    }
  }
});
