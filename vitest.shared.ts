import { defineConfig } from 'vitest/config';

/**
 * Shared vitest settings for every package: tests read workspace packages from `src`
 * through the `@relay/source` export condition, so nothing must be built first.
 */
export const sharedConfig = defineConfig({
  resolve: { conditions: ['@relay/source'] },
  ssr: { resolve: { conditions: ['@relay/source'] } },
  test: {
    environment: 'node',
    env: { TZ: 'UTC' },
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
