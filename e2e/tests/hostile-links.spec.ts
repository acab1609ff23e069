import { deflateRawSync } from 'node:zlib';
import { expect, test } from './fixtures.js';

// Hostile rule content in a fragment link used to blank the page (a stack overflow rendering the
// guide, a `name` object crashing the header). Each link must show a page: the rule with its
// guide bounded, or the reason the link cannot be opened.

/** A `#s=` fragment for a state, encoded as the web app encodes it (JSON, deflate-raw, base64url). */
function fragment(rule: Record<string, unknown>): string {
  const state = { v: 1, rule, query: 'any where true', corpus: null, options: {}, selection: {}, events: [] };
  return `#s=${deflateRawSync(Buffer.from(JSON.stringify(state))).toString('base64url')}`;
}

const nestedList = Array.from({ length: 400 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');

for (const [what, note, text] of [
  ['20,000 quote markers', `${'>'.repeat(20_000)} deep quote`, 'deep quote'],
  ['400 nested list levels', nestedList, 'level 399'],
  ['3,000 list markers on one line', `${'- '.repeat(3_000)}deep item`, 'deep item'],
] as const) {
  test(`a guide with ${what} renders bounded under the rule name`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`/${fragment({ name: 'Hostile guide', note })}`);
    await expect(page.getByTestId('review-page')).toBeVisible();
    await expect(page.getByTestId('rule-name')).toHaveText('Hostile guide');
    const guide = page.getByTestId('guide');
    await expect(guide).toContainText(text);
    await expect(guide.getByRole('alert')).toHaveCount(0);
    expect(errors).toEqual([]);
  });
}

for (const [what, rule, message] of [
  ['a name that is an object', { name: { a: 1 } }, 'rule.name: expected a string, found a table'],
  [
    'tags that are a string',
    { name: 'x', tags: 'str' },
    'rule.tags: expected an array of strings, found a string',
  ],
  [
    'a field nesting 3,000 levels',
    { name: 'x', meta: JSON.parse(`${'['.repeat(3_000)}${']'.repeat(3_000)}`) },
    'rule.meta: nests deeper than 100 levels',
  ],
] as const) {
  test(`a link whose rule has ${what} says why it cannot be opened`, async ({ page }) => {
    await page.goto(`/${fragment(rule)}`);
    const error = page.getByTestId('review-error');
    await expect(error).toContainText('This link cannot be opened');
    await expect(error).toContainText(message);
  });
}
