import { defineProject, mergeConfig } from 'vitest/config';
import { sharedConfig } from '../../vitest.shared';

export default mergeConfig(
  sharedConfig,
  defineProject({ test: { name: '@relay/host', testTimeout: 60_000, hookTimeout: 120_000 } }),
);
