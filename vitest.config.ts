import { defineConfig } from 'vitest/config';

// Three projects: `unit` (pure logic, no build), `site` (the built dist/ and real browsers) and `alone`, the browser
// tests that time what a reader does (a slow phone's keystrokes) or drive Firefox and WebKit, which run after the
// others, one file at a time, so that no other test's load decides whether they pass. Only `site` and `alone` build
// the site first (once a run), so `npx vitest run --project unit` or `npx vitest run tests/unit` starts in a second.
const ALONE = ['tests/browser/engines.test.ts', 'tests/browser/search-slow-phone.test.ts'];

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
          exclude: ALONE,
          // Builds dist/ once (with its Pagefind index) for the build and browser tests.
          globalSetup: ['tests/support/build-once.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'alone',
          include: ALONE,
          globalSetup: ['tests/support/build-once.ts'],
          sequence: { groupOrder: 1 },
          maxWorkers: 1,
        },
      },
    ],
  },
});
