import { expect, test } from './fixtures.js';
import { openWorkbench, runAndCount } from './workbench-helpers.js';

// The main workbench fits the window at 1024 px and wider, in light and dark: no horizontal
// page scroll with results listed, a match selected (the why panel and its event open) and the
// guide beside it; every panel and the header's controls are inside the window.

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

for (const size of SIZES) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`the workbench with results and the why panel fits ${size.width}x${size.height}, ${scheme}`, async ({
      page,
    }) => {
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme: scheme });
      await openWorkbench(page);
      expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(
        scheme === 'dark',
      );
      const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(await overflow()).toBe(0);

      await runAndCount(page, '3');
      await page.getByTestId('match-item').first().click();
      await expect(page.getByTestId('why-panel')).toBeVisible();
      await expect(page.getByTestId('event-json')).toContainText('wmiutils.dll');
      expect(await overflow()).toBe(0);

      // Each panel lies inside the window, side by side, none wider than its share.
      for (const name of ['Results', 'Event', 'Investigation guide']) {
        const box = await page.getByRole('region', { name, exact: true }).boundingBox();
        expect(box, name).not.toBeNull();
        expect(box?.x ?? -1, name).toBeGreaterThanOrEqual(0);
        expect((box?.x ?? 0) + (box?.width ?? Number.POSITIVE_INFINITY), name).toBeLessThanOrEqual(
          size.width,
        );
        expect(box?.width ?? 0, name).toBeGreaterThan(size.width / 5);
      }
      // The controls at the right end of the header and of the query bar are reachable.
      for (const control of [
        page.getByRole('button', { name: 'Share' }),
        page.getByRole('button', { name: 'Reset' }),
        page.getByTestId('run-button'),
      ]) {
        await expect(control).toBeInViewport({ ratio: 1 });
      }
      // No panel content spills sideways out of its panel (long JSON lines wrap or scroll inside).
      const spilled = await page.evaluate(() =>
        [...document.querySelectorAll('main > section')]
          .filter((panel) => panel.scrollWidth > panel.clientWidth + 1)
          .map((panel) => panel.getAttribute('aria-label')),
      );
      expect(spilled).toEqual([]);
    });
  }
}
