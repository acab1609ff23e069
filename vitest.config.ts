import { defineConfig } from 'vitest/config';

// One Vitest run covers every package and app. Workspace packages resolve to their
// TypeScript sources through the `@rulebench/source` export condition.
export default defineConfig({
  resolve: { conditions: ['@rulebench/source'] },
  ssr: { resolve: { conditions: ['@rulebench/source'] } },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/*/test/**/*.test.ts',
      'apps/*/src/**/*.test.{ts,tsx}',
      'apps/*/test/**/*.test.ts',
      'apps/*/build/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
