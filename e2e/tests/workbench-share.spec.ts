import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { openTab, openWorkbench, runAndCount } from './workbench-helpers.js';

// Issue 6 × issue 7: the exception being previewed is part of the workbench state, so a
// permalink and a link without a server carry it (snapshot `options.exceptions`); their review
// applies it to the matches and lists it, and a fork puts it back in the builder.

const PREVIEW =
  'Previewed exception: process.name is one of EXCEL.EXE, WINWORD.EXE AND file.path matches *\\SysWOW64\\*';

/** Two conditions, one of them a wildcard: the two EXCEL.EXE loads (from SysWOW64) are suppressed. */
async function previewException(page: Page) {
  await openTab(page, 'Exceptions');
  await page.getByLabel('Condition 1 field').fill('process.name');
  await page.getByLabel('Condition 1 operator').selectOption('is one of');
  await page.getByLabel('Condition 1 value').fill('EXCEL.EXE, WINWORD.EXE');
  await page.getByRole('button', { name: '+ AND condition' }).click();
  await page.getByLabel('Condition 2 field').fill('file.path');
  await page.getByLabel('Condition 2 operator').selectOption('matches');
  await page.getByLabel('Condition 2 value').fill('*\\SysWOW64\\*');
  await expect(page.getByTestId('exception-suppressed')).toHaveText('2');
}

/** The review lists the exception and shows only the match it leaves. */
async function expectReviewApplies(page: Page) {
  await expect(page.getByTestId('review-exception')).toHaveText(PREVIEW);
  await expect(page.getByTestId('review-match-count')).toHaveText('1 match');
  await expect(page.getByTestId('match-item')).toHaveCount(1);
  await expect(page.getByTestId('match-item')).toContainText('WINWORD.EXE');
}

test('a permalink carries the previewed exception; its review applies and lists it; a fork restores it', async ({
  page,
}) => {
  await openWorkbench(page);
  await runAndCount(page, '3');
  await previewException(page);
  // Switching tabs keeps the exception: it is workbench state, not the tab's.
  await openTab(page, 'Matches');
  await openTab(page, 'Exceptions');
  await expect(page.getByTestId('exception-suppressed')).toHaveText('2');

  await page.getByTestId('share-button').click();
  await page.getByTestId('share-create-permalink').click();
  const url = await page.getByTestId('share-link-url').inputValue();
  const id = new URL(url).pathname.split('/')[2] ?? '';
  const stored = (await (await page.request.get(`/api/permalinks/${id}`)).json()) as {
    snapshot: { options: Record<string, unknown> };
  };
  expect(stored.snapshot.options).toEqual({
    size: 100,
    result_position: 'tail',
    exceptions: [
      {
        item_id: 'rulebench-preview',
        name: 'Previewed exception',
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
          { field: 'file.path', operator: 'included', type: 'wildcard', value: '*\\SysWOW64\\*' },
        ],
      },
    ],
  });

  await page.goto(url);
  await expectReviewApplies(page);

  await page.getByTestId('review-fork').click();
  await expect(page.getByTestId('match-count')).toHaveText('3');
  await openTab(page, 'Exceptions');
  await expect(page.getByLabel('Condition 1 field')).toHaveValue('process.name');
  await expect(page.getByLabel('Condition 1 operator')).toHaveValue('is one of');
  await expect(page.getByLabel('Condition 2 value')).toHaveValue('*\\SysWOW64\\*');
  await expect(page.getByTestId('exception-suppressed')).toHaveText('2');
});

test('a link without a server carries the previewed exception and applies it in the browser', async ({
  page,
}) => {
  await openWorkbench(page);
  await runAndCount(page, '3');
  await previewException(page);
  await page.getByTestId('share-button').click();
  await page.getByTestId('share-copy-link').click();
  await expect(page.getByTestId('share-result')).toHaveAttribute('data-kind', 'fragment');
  const link = await page.getByTestId('share-link-url').inputValue();

  await page.goto(link);
  await expect(page.getByTestId('review-badge')).toHaveText('Link without a server · read-only');
  await expectReviewApplies(page);
});
