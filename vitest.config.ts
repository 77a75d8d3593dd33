import { defineConfig } from 'vitest/config';

// Two projects: `unit` (pure logic, no build) and `site` (the built dist/ and real browsers). Only `site` builds the
// site first, so `npx vitest run --project unit` or `npx vitest run tests/unit` starts in a second.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    // Two files at a time, on any machine: Vitest's default (a worker per core but one) gives a 2-core machine one,
    // and a browser test's file leaves a core idle while its page waits on the network or a timer.
    maxWorkers: 2,
    // expect.poll waits for what a reader would see (a search's answer, a control's state): up to 10 s, as the
    // browser tests' other waits, not Vitest's default of 1 s, which a loaded machine overruns.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'site',
          include: ['tests/build/**/*.test.ts', 'tests/browser/**/*.test.ts'],
          // Builds dist/ once (with its Pagefind index) for the build and browser tests.
          globalSetup: ['tests/support/build-once.ts'],
        },
      },
    ],
  },
});
