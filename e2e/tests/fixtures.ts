import { test as base, expect } from '@playwright/test';

/**
 * Every page may talk to the local server only. Any other request is aborted and recorded,
 * and each test ends by asserting that none was attempted (no CDN, fonts or telemetry).
 */
export const test = base.extend<{ foreignRequests: string[] }>({
  foreignRequests: [
    async ({ context, baseURL }, use) => {
      const allowed = new URL(baseURL ?? 'http://127.0.0.1').host;
      const foreign: string[] = [];
      await context.route('**/*', (route) => {
        const url = new URL(route.request().url());
        const local = url.host === allowed || url.protocol === 'data:' || url.protocol === 'blob:';
        if (local) return route.continue();
        foreign.push(url.href);
        return route.abort('blockedbyclient');
      });
      await use(foreign);
      expect(foreign, 'requests to hosts other than the local server').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
