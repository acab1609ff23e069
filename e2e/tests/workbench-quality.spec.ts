import { expect, test } from './fixtures.js';
import {
  libraryRule,
  openLibraryRule,
  openTab,
  openWorkbench,
  postRule,
  replaceQuery,
  runAndCount,
  seriousA11yViolations,
} from './workbench-helpers.js';

// Issue 6, quality: accessibility in both themes, a hostile guide stays inert, the guide's
// plugins and placeholders follow the selected event, missing sequence stages, and the
// schedule simulation's cap and gap warnings.

const OFFICE_WMI = 'library where dll.name : "wmiutils.dll" and process.name : ("EXCEL.EXE", "WINWORD.EXE")';

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no serious axe-core violations in the ${colorScheme} theme: workbench, a selected match, a near miss`, async ({
    page,
  }) => {
    // axe-core over the whole workbench takes tens of seconds on a busy 2-core machine.
    test.slow();
    await page.emulateMedia({ colorScheme });
    await openWorkbench(page);
    await expect(page.locator('html')).toHaveClass(colorScheme === 'dark' ? /dark/ : /^(?!.*dark)/);
    expect(await seriousA11yViolations(page), 'the workbench as it opens').toEqual([]);

    // A selected match row, and the why panel open beside it.
    await runAndCount(page, '3');
    await page.getByTestId('match-item').first().click();
    await expect(page.getByTestId('why-verdict')).toHaveText('Matches');
    await page.getByTestId('match-item').nth(1).hover();
    expect(await seriousA11yViolations(page), 'a selected match and its why panel').toEqual([]);

    // A near miss: its group header and the failed clause are drawn in red.
    await openTab(page, 'Near misses');
    await page.getByTestId('near-miss-item').first().click();
    await expect(page.locator('[data-testid="why-clause"][data-verdict="false"]')).toHaveCount(1);
    await page.locator('[data-testid="why-clause"][data-verdict="false"] [role="treeitem"]').hover();
    expect(await seriousA11yViolations(page), 'a selected near miss and its failed clause').toEqual([]);

    for (const name of ['Exceptions', 'Schedule'] as const) {
      await openTab(page, name);
      expect(await seriousA11yViolations(page), `the ${name} tab`).toEqual([]);
    }
  });
}

test('a hostile guide runs nothing; its plugins are inert cards filled from the selected event', async ({
  page,
  request,
}) => {
  const note = [
    '## Triage',
    '',
    'Check {{process.name}} on {{host.name}}.',
    '',
    '<img src="x" onerror="window.__pwned = \'img\'">',
    '<script>window.__pwned = "script"</script>',
    '',
    '[run me](javascript:window.__pwned="link") and [docs](https://www.elastic.co/guide)',
    '',
    '!{investigate{"label":"Alerts from {{process.name}}","providers":[[{"excluded":false,"field":"process.name","queryType":"phrase","value":"{{process.name}}","valueType":"string"}]]}}',
    '',
    '!{osquery{"label":"Processes on the host","query":"SELECT * FROM processes WHERE name = \'{{process.name}}\'"}}',
    '',
    '!{insight{"label":"Events on {{host.name}}","providers":[[{"excluded":false,"field":"host.name","queryType":"phrase","value":"{{host.name}}","valueType":"string"}]]}}',
  ].join('\n');
  const name = 'Workbench hostile guide';
  await postRule(request, libraryRule({ name, query: OFFICE_WMI, note }));
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await openWorkbench(page);
  await openLibraryRule(page, name);
  await runAndCount(page, '3');
  await page.getByTestId('match-item').filter({ hasText: 'WINWORD.EXE' }).click();

  const guide = page.getByTestId('guide');
  await expect(guide).toContainText('Check WINWORD.EXE on WORKSTATION6.theshire.local.');
  // Raw HTML is dropped: no image element, no script, nothing ran.
  await expect(guide.locator('img, script, iframe')).toHaveCount(0);
  await expect(guide.locator('[onerror], [onclick], [onload]')).toHaveCount(0);
  // The javascript: link is not a link to anywhere; the https one is, opening outside.
  const hrefs = await guide.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  expect(hrefs.filter((h) => h?.toLowerCase().startsWith('javascript'))).toEqual([]);
  await expect(guide.getByRole('link', { name: 'docs' })).toHaveAttribute('target', '_blank');
  await guide.getByText('run me').click();
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);

  // The three plugins, as readable blocks with the event's values filled in; nothing to click.
  const plugins = guide.getByTestId('guide-plugin');
  await expect(plugins).toHaveCount(3);
  await expect(plugins.nth(0)).toHaveAttribute('data-plugin', 'investigate');
  await expect(plugins.nth(0)).toContainText('Alerts from WINWORD.EXE');
  await expect(plugins.nth(0)).toContainText('process.name: "WINWORD.EXE"');
  await expect(plugins.nth(1)).toHaveAttribute('data-plugin', 'osquery');
  await expect(plugins.nth(1)).toContainText("SELECT * FROM processes WHERE name = 'WINWORD.EXE'");
  await expect(plugins.nth(2)).toHaveAttribute('data-plugin', 'insight');
  await expect(plugins.nth(2)).toContainText('Events on WORKSTATION6.theshire.local');
  await expect(plugins.locator('a, button, input')).toHaveCount(0);
  // The fields the guide names, with this event's values.
  await expect(guide.getByTestId('guide-fields')).toContainText('process.nameWINWORD.EXE');
  await expect(guide.getByTestId('guide-fields')).toContainText('host.nameWORKSTATION6.theshire.local');

  // Another event fills the same guide with its own values.
  await page.getByTestId('match-item').filter({ hasText: 'EXCEL.EXE' }).first().click();
  await expect(guide).toContainText('Check EXCEL.EXE on WORKSTATION6.theshire.local.');
  await expect(plugins.nth(0)).toContainText('Alerts from EXCEL.EXE');
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
});

test('a sequence with a missing-event stage shows it as a placeholder between the stages', async ({
  page,
}) => {
  await openWorkbench(page);
  await replaceQuery(
    page,
    'sequence by process.entity_id with maxspan=1m\n' +
      '  [process where event.action == "Process creation"]\n' +
      '  ![library where dll.name : "nothing.dll"]\n' +
      '  [library where dll.name : "wmiutils.dll"]',
  );
  await runAndCount(page, '8');
  const first = page.getByTestId('sequence-group').first();
  await expect(first.getByRole('option')).toHaveCount(3);
  await expect(first.getByTestId('match-item')).toHaveCount(2);
  const missing = first.getByTestId('missing-stage');
  await expect(missing).toHaveText('2 · missing event: nothing matched this stage, as the query requires');
  await expect(missing).toHaveAttribute('aria-disabled', 'true');
  // The stage after the placeholder counts its gap from the last present event.
  await expect(first.getByTestId('match-item').nth(1)).toContainText('3');
});

test('the schedule flags runs that hit the alert cap and a look-back shorter than the interval', async ({
  page,
  request,
}) => {
  // The 95 network events of the sample fall within two minutes: one run sees them all.
  const name = 'Workbench capped schedule';
  await postRule(
    request,
    libraryRule({ name, query: 'network where true', interval: '5m', from: 'now-4m', max_signals: 2 }),
  );
  await openWorkbench(page);
  await openLibraryRule(page, name);
  await runAndCount(page, '95');
  await openTab(page, 'Schedule');
  const view = page.getByTestId('schedule-view');
  await expect(view).toContainText('runs every 5m');
  await expect(view).toContainText('each searching the last 4m.');
  await expect(page.getByTestId('schedule-alerts')).toHaveText('2');
  await expect(view).toContainText(
    '2 alerts in 1 run · 1 run hit the cap of 2 alerts · 93 matches never alerted.',
  );
  await expect(view).toContainText(
    'Gap: the look-back is 1m shorter than the interval, so part of every interval is never searched.',
  );
  await expect(view.locator('tbody td')).toHaveText(['2020-09-17 21:47:52', '2 (cap)']);
  await expect(view.getByRole('img', { name: 'Alerts over time: 2 alerts in 1 run' })).toBeVisible();
});
