import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Installs through other tools (pre-commit) take minutes: `npm run test:e2e` (vitest.e2e.config.ts), run by CI.
    exclude: [...configDefaults.exclude, 'test/e2e/**'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default leaves one core free: on CI's 2-core machine that is one worker, and the
    // suite took 112 s instead of 71 s.
    maxWorkers: availableParallelism(),
    // Test files share each worker's module graph instead of importing src/ afresh: with
    // isolation, imports were most of the suite's time (subset of 5 folders: 72-86 s -> 19-24 s).
    isolate: false,
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
