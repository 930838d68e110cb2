import { defineProject, mergeConfig } from 'vitest/config';
import { sharedConfig } from '../../vitest.shared';

/** The console's browser test drives Debian's chromium against a real relay (test/console.test.ts). */
export default mergeConfig(
  sharedConfig,
  defineProject({ test: { name: '@relay/console', testTimeout: 120_000, hookTimeout: 180_000 } }),
);
