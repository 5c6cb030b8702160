import { defineConfig } from 'vitest/config';

/** `npm run test:e2e`: installs through other tools (pre-commit), minutes long; CI runs them. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: 'forks',
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
