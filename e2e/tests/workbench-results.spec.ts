import type { Page, Route } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { editorText, openTab, openWorkbench, replaceQuery, runAndCount } from './workbench-helpers.js';

// Issue 6, results: live runs, ordering of answers, the why panel, near misses, exceptions,
// sequences, trainer mode and the schedule simulation, on the bundled Sysmon sample.

const EXCEL = 'library where dll.name : "wmiutils.dll" and process.name : "EXCEL.EXE"';
const WINWORD = 'library where dll.name : "wmiutils.dll" and process.name : "WINWORD.EXE"';
const SEQUENCE =
  'sequence by process.entity_id with maxspan=1m\n' +
  '  [process where event.action == "Process creation"]\n' +
  '  [library where dll.name : "wmiutils.dll"]';

/** Holds back the answer to the search whose query contains `marker` until `release()`. */
async function holdSearch(page: Page, marker: string) {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let held = 0;
  await page.route('**/api/live-search', async (route: Route) => {
    const body = route.request().postDataJSON() as { query: string };
    if (!body.query.includes(marker)) return route.continue();
    held++;
    const response = await route.fetch();
    await released;
    await route.fulfill({ response });
  });
  return { release, held: () => held };
}

test('live mode updates the matches as the query changes, without pressing Run', async ({ page }) => {
  await openWorkbench(page);
  await page.getByTestId('live-toggle').check();
  await replaceQuery(page, EXCEL);
  await expect(page.getByTestId('match-count')).toHaveText('2');
  await expect(page.getByTestId('match-item')).toHaveCount(2);
  await expect(page.getByTestId('search-took')).toHaveText(/· \d+ ms/);
  // Type the change key by key: intermediate texts that do not parse are never run.
  await replaceQuery(page, 'library where dll.name : "wmiutils.dll" and process.name : ');
  await page.keyboard.type('"WINWORD.EXE"', { delay: 20 });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('match-count')).toHaveText('1');
  await expect(page.getByTestId('match-item')).toContainText('WINWORD.EXE');
  await expect(page.getByTestId('search-error')).toHaveCount(0);
});

test('a slow answer to an older query never replaces the newer results', async ({ page }) => {
  await openWorkbench(page);
  const hold = await holdSearch(page, 'EXCEL.EXE');
  await replaceQuery(page, EXCEL);
  await page.getByTestId('run-button').click();
  await expect.poll(hold.held).toBe(1);
  await replaceQuery(page, WINWORD);
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('match-count')).toHaveText('1');
  // The older search answers last: the screen stays on the newer query's results.
  hold.release();
  await page.waitForTimeout(500);
  await expect(page.getByTestId('match-count')).toHaveText('1');
  await expect(page.getByTestId('match-item')).toHaveCount(1);
  await expect(page.getByTestId('match-item')).toContainText('WINWORD.EXE');
});

test('live mode never shows a stale answer while typing faster than the server', async ({ page }) => {
  await openWorkbench(page);
  await page.getByTestId('live-toggle').check();
  const hold = await holdSearch(page, 'EXCEL.EXE');
  await replaceQuery(page, EXCEL);
  await expect.poll(hold.held).toBe(1);
  await replaceQuery(page, WINWORD);
  hold.release();
  await expect(page.getByTestId('match-count')).toHaveText('1');
  await page.waitForTimeout(500);
  await expect(page.getByTestId('match-count')).toHaveText('1');
  await expect(page.getByTestId('match-item')).toContainText('WINWORD.EXE');
});

test('the why panel explains a match clause by clause, operands and `or` groups included', async ({
  page,
}) => {
  await openWorkbench(page);
  await runAndCount(page, '3');
  await page.getByTestId('match-item').first().click();
  const why = page.getByTestId('why-panel');
  await expect(why.getByTestId('why-verdict')).toHaveText('Matches');
  // Category plus four clauses, all true.
  const clauses = why.locator('[data-testid="why-clause"]');
  await expect(clauses).toHaveCount(5);
  await expect(why.locator('[data-testid="why-clause"][data-verdict="false"]')).toHaveCount(0);
  // The `or` group that held still shows what the event had for each of its fields.
  const orGroup = clauses.filter({ hasText: '?dll.name : "wmiutils.dll" or file.name' });
  await expect(orGroup.getByTestId('why-operands')).toContainText('?dll.name = "wmiutils.dll"');
  await expect(orGroup.getByTestId('why-operands')).toContainText('file.name = "wmiutils.dll"');
  // Hovering a clause highlights it in the editor.
  await clauses.filter({ hasText: 'host.os.type == "windows"' }).first().hover();
  await expect(page.getByTestId('query-editor').locator('.eql-clause-highlight-text').first()).toBeVisible();
});

test('near misses are grouped by the clause they fail, and the why panel names it', async ({ page }) => {
  await openWorkbench(page);
  await runAndCount(page, '3');
  await openTab(page, 'Near misses');
  await expect(page.getByTestId('near-miss-count')).toHaveText('294');
  const groups = page.getByTestId('near-miss-group');
  await expect(groups).toHaveCount(2);
  await expect(groups.nth(0)).toHaveAttribute(
    'aria-label',
    'Failed: process.name : ("WINWORD.EXE", "EXCEL.EXE", "POWERPNT.EXE", "MSPUB.EXE", "MSACCESS.EXE")',
  );
  await expect(groups.nth(1)).toHaveAttribute(
    'aria-label',
    'Failed: ?dll.name : "wmiutils.dll" or file.name : "wmiutils.dll"',
  );
  await expect(groups.nth(0).getByTestId('near-miss-item')).toHaveCount(6);
  await groups.nth(0).getByTestId('near-miss-item').first().click();
  const why = page.getByTestId('why-panel');
  await expect(why.getByTestId('why-verdict')).toHaveText('No match: 1 of 5 checks failed');
  const failed = why.locator('[data-testid="why-clause"][data-verdict="false"]');
  await expect(failed).toHaveCount(1);
  await expect(failed).toContainText('process.name : ("WINWORD.EXE", "EXCEL.EXE"');
  await expect(failed.getByTestId('why-operands')).toContainText('process.name = "powershell.exe"');
});

test('near misses of a sequence query say they need an event query', async ({ page }) => {
  await openWorkbench(page);
  await replaceQuery(page, SEQUENCE);
  await runAndCount(page, '8');
  await openTab(page, 'Near misses');
  await expect(
    page.getByText('Near misses are computed for event queries, not sequences or samples.'),
  ).toBeVisible();
});

test('an exception previews the matches it suppresses and is added to the rule', async ({ page }) => {
  await openWorkbench(page);
  await runAndCount(page, '3');
  await openTab(page, 'Exceptions');
  await expect(page.getByTestId('exception-suppressed')).toHaveText('0');
  await page.getByLabel('Condition 1 field').fill('process.name');
  await page.getByLabel('Condition 1 operator').selectOption('is');
  await page.getByLabel('Condition 1 value').fill('EXCEL.EXE');
  await expect(page.getByTestId('exception-suppressed')).toHaveText('2');
  await expect(page.getByTestId('suppressed-item')).toHaveCount(2);
  await page.getByLabel('Condition 1 operator').selectOption('is one of');
  await page.getByLabel('Condition 1 value').fill('EXCEL.EXE, WINWORD.EXE');
  await expect(page.getByTestId('exception-suppressed')).toHaveText('3');
  await page.getByRole('button', { name: '+ AND condition' }).click();
  await page.getByLabel('Condition 2 field').fill('file.path');
  await page.getByLabel('Condition 2 operator').selectOption('matches');
  await page.getByLabel('Condition 2 value').fill('*\\System32\\*');
  await expect(page.getByTestId('exception-suppressed')).toHaveText('1');

  await page.getByLabel('Exception name').fill('Known 64-bit Word macro');
  await page.getByTestId('exception-save').click();
  const saved = page.getByTestId('rule-exception');
  await expect(saved).toHaveCount(1);
  await expect(saved).toContainText('Known 64-bit Word macro');
  await expect(saved).toContainText(
    'process.name is one of EXCEL.EXE, WINWORD.EXE AND file.path matches *\\System32\\*',
  );
  await expect(page.getByTestId('rule-exceptions-suppressed')).toHaveText('1');
  // The builder starts over; the rule now carries the item, and the share permalink with it.
  await expect(page.getByTestId('exception-suppressed')).toHaveText('0');
  await page.getByTestId('share-button').click();
  await page.getByTestId('share-create-permalink').click();
  const url = await page.getByTestId('share-link-url').inputValue();
  const id = new URL(url).pathname.split('/')[2] ?? '';
  const snapshot = (await (await page.request.get(`/api/permalinks/${id}`)).json()) as {
    snapshot?: { rule: Record<string, unknown> };
    rule?: Record<string, unknown>;
  };
  const rule = snapshot.snapshot?.rule ?? snapshot.rule;
  expect(rule?.extra_tables).toEqual({
    exceptions: [
      {
        item_id: expect.any(String),
        name: 'Known 64-bit Word macro',
        description: '',
        type: 'simple',
        namespace_type: 'single',
        entries: [
          {
            field: 'process.name',
            operator: 'included',
            type: 'match_any',
            value: ['EXCEL.EXE', 'WINWORD.EXE'],
          },
          { field: 'file.path', operator: 'included', type: 'wildcard', value: '*\\System32\\*' },
        ],
      },
    ],
  });
});

test('sequences render as groups with join keys, stages, gaps and the maxspan', async ({ page }) => {
  await openWorkbench(page);
  await replaceQuery(page, SEQUENCE);
  await runAndCount(page, '8');
  const groups = page.getByTestId('sequence-group');
  await expect(groups).toHaveCount(8);
  const third = groups.nth(2);
  await expect(third).toHaveAttribute('aria-label', 'Sequence 3');
  await expect(third).toContainText('by {d273d0f0-d91d-5f63-6b05-000000000400}');
  const members = third.getByTestId('match-item');
  await expect(members).toHaveCount(2);
  await expect(members.nth(0)).toContainText('EXCEL.EXE');
  await expect(members.nth(1)).toContainText('wmiutils.dll');
  await expect(third.getByTestId('sequence-span')).toHaveText('span 6.7s of maxspan 1m');
  // The gap from the previous stage is shown on each later stage.
  await expect(members.nth(1)).toContainText('+6.7s');
  await members.nth(1).click();
  await expect(page.getByTestId('why-panel')).toContainText('Stage 2');
  await expect(page.getByTestId('event-json')).toContainText('wmiutils.dll');
  expect(await editorText(page)).toContain('sequence by process.entity_id');

  // The events toggle lists the sequences' events once each, in time order, without groups.
  await page.getByTestId('view-events').click();
  await expect(page.getByTestId('view-events')).toHaveAttribute('aria-pressed', 'true');
  await expect(groups).toHaveCount(0);
  const flat = page
    .getByRole('listbox', { name: 'Events of the matched sequences' })
    .getByTestId('match-item');
  await expect(flat).toHaveCount(16);
  await expect(flat.first()).toHaveAttribute('data-event-id', '85');
  await flat.nth(1).click();
  await expect(page.getByTestId('event-json')).toContainText('"@timestamp": "2020-07-22T03:27:54.513Z"');
  await page.getByTestId('view-sequences').click();
  await expect(groups).toHaveCount(8);
});

test('a long match list renders only the rows on screen', async ({ page }) => {
  await openWorkbench(page);
  await page.getByTestId('size-picker').selectOption('1000');
  await replaceQuery(page, 'any where true');
  // Every event of the bundled corpus matches; 1,000 of them are returned.
  await runAndCount(page, '1779');
  await expect(page.getByText('(showing 1,000 of 1,779)')).toBeVisible();
  const rows = await page.getByTestId('match-item').count();
  expect(rows).toBeGreaterThan(5);
  expect(rows).toBeLessThan(100);
});

test('trainer mode steps through the matches with the keyboard', async ({ page }) => {
  await openWorkbench(page);
  await runAndCount(page, '3');
  await page.getByRole('button', { name: 'Trainer mode' }).click();
  const trainer = page.getByTestId('trainer-mode');
  await expect(trainer).toBeVisible();
  await expect(trainer).toBeFocused();
  const position = page.getByTestId('trainer-position');
  await expect(position).toHaveText('1');
  await expect(trainer).toContainText('WINWORD.EXE');
  await expect(trainer.getByTestId('guide')).toContainText('Possible investigation steps');
  await page.keyboard.press('ArrowRight');
  await expect(position).toHaveText('2');
  await expect(trainer).toContainText('EXCEL.EXE');
  await page.keyboard.press('j');
  await expect(position).toHaveText('3');
  await page.keyboard.press('ArrowRight');
  await expect(position).toHaveText('3');
  await page.keyboard.press('k');
  await expect(position).toHaveText('2');
  await page.keyboard.press('Escape');
  await expect(trainer).toHaveCount(0);
});

test('the schedule view simulates the runs over the corpus and charts the alerts', async ({ page }) => {
  await openWorkbench(page);
  await openTab(page, 'Schedule');
  await expect(page.getByText('Run the query to simulate its schedule.')).toBeVisible();
  // Running with the schedule open fills it in place.
  await page.getByTestId('run-button').click();
  const view = page.getByTestId('schedule-view');
  await expect(view).toContainText('runs every 5m');
  await expect(view).toContainText(
    'each searching the last 9m (overlapping the previous run by 4m, de-duplicated)',
  );
  await expect(page.getByTestId('schedule-alerts')).toHaveText('3');
  await expect(view.getByRole('img', { name: 'Alerts over time: 3 alerts in 3 runs' })).toBeVisible();
  await expect(view.locator('tbody tr')).toHaveCount(3);
  await expect(view).toContainText('no run reaches the cap of 100');
});

test('any event of the corpus, matched or not, gets a why panel from the events table', async ({ page }) => {
  await openWorkbench(page);
  await openTab(page, 'Events');
  await page.getByTestId('events-row').first().click();
  const why = page.getByTestId('why-panel');
  await expect(why.getByTestId('why-verdict')).toHaveText(/^No match: [1-5] of 5 checks failed$/);
  await expect(why.locator('[data-testid="why-clause"][data-verdict="false"]').first()).toBeVisible();
  await expect(page.getByTestId('event-json')).toContainText('"@timestamp": "2020-07-22T03:27:52.809Z"');
});
