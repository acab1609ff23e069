import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect } from './fixtures.js';

/** Shared steps of the workbench specs (issue 6). */

export const SEED_NAME = 'Suspicious WMI Image Load from MS Office';
export const SAMPLE_CORPUS = 'sysmon-sample';

/** Opens the workbench and waits for the seed rule and its editor. */
export async function openWorkbench(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('rule-name')).toHaveText(SEED_NAME);
  await expect(page.getByTestId('query-editor').locator('.monaco-editor')).toBeVisible();
}

/**
 * Focuses the query editor as a user does: a click into its text. The click lands at the start
 * of the first line, which the completion popup (drawn below the cursor's line) never covers.
 */
export async function focusEditor(page: Page): Promise<void> {
  await page
    .getByTestId('query-editor')
    .locator('.monaco-editor .view-lines')
    .click({ position: { x: 2, y: 4 } });
}

/** Replaces the whole query. `insertText` types no auto-closed brackets or quotes. */
export async function replaceQuery(page: Page, text: string): Promise<void> {
  await focusEditor(page);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  if (text !== '') await page.keyboard.insertText(text);
}

/** The editor's text as shown (Monaco renders spaces as no-break spaces). */
export async function editorText(page: Page): Promise<string> {
  const lines = await page.getByTestId('query-editor').locator('.view-lines .view-line').allInnerTexts();
  return lines.join('\n').replaceAll('\u00a0', ' ');
}

export async function runAndCount(page: Page, expected: string): Promise<void> {
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('match-count')).toHaveText(expected);
}

export async function openTab(
  page: Page,
  name: 'Matches' | 'Events' | 'Near misses' | 'Exceptions' | 'Schedule',
) {
  await page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
}

/** Serious and critical axe-core findings on the page (or inside `include`). */
export async function seriousA11yViolations(page: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  if (include) builder.include(include);
  const result = await builder.analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Whether the page scrolls sideways. */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** A rule for the library, built on the seed rule's required fields. */
export function libraryRule(overrides: Record<string, unknown>): Record<string, unknown> {
  return {
    rule_id: crypto.randomUUID(),
    name: 'Workbench test rule',
    description: 'A rule posted by the workbench browser tests.',
    type: 'eql',
    language: 'eql',
    severity: 'medium',
    risk_score: 47,
    index: ['logs-windows.sysmon_operational-*'],
    interval: '5m',
    from: 'now-9m',
    query: 'library where dll.name : "wmiutils.dll"',
    ...overrides,
  };
}

/** Stores a rule in the library through the API; returns its library id. */
export async function postRule(request: APIRequestContext, rule: Record<string, unknown>): Promise<string> {
  const response = await request.post('/api/rules', { data: { rule } });
  expect(response.status(), await response.text()).toBe(201);
  const body = (await response.json()) as { id: string };
  return body.id;
}

/** Opens a library rule in the workbench by its name, as a user does. */
export async function openLibraryRule(page: Page, name: string): Promise<void> {
  await page.getByTestId('open-library').click();
  await expect(page.getByRole('dialog', { name: 'Rule library' })).toBeVisible();
  await page.getByTestId('library-search').fill(name);
  await expect(page.getByTestId('library-rule')).toHaveCount(1);
  await page.getByTestId('library-rule').first().getByRole('button').click();
  await expect(page.getByTestId('rule-name')).toHaveText(name);
  if (await page.getByRole('dialog', { name: 'Rule library' }).isVisible())
    await page.keyboard.press('Escape');
}
