import { chromium } from '@playwright/test';
const base = process.env.BASE ?? 'http://127.0.0.1:8813';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const [w, h] of [[1280, 800], [1920, 1080]]) {
  for (const scheme of ['light', 'dark']) {
    const page = await browser.newPage({ viewport: { width: w, height: h }, colorScheme: scheme });
    page.on('console', (m) => m.type() === 'error' && console.log('console:', m.text()));
    await page.goto(base);
    await page.getByRole('tab', { name: 'Events' }).click();
    await page.getByTestId('events-row').first().waitFor();
    await page.getByTestId('events-row').nth(2).click();
    await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(300);
    await page.screenshot({ path: `/tmp/corpora-shots/table-${w}-${scheme}.png` });
    await page.getByTestId('corpus-manage').click();
    await page.getByTestId('upload-input').setInputFiles('/tmp/bad.ndjson');
    await page.getByTestId('upload-button').click();
    await page.getByTestId('import-failed').waitFor();
    await page.screenshot({ path: `/tmp/corpora-shots/dialog-${w}-${scheme}.png` });
    await page.close();
  }
}
await browser.close();
