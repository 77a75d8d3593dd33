import { defineConfig } from 'vitest/config';

// Two projects: `unit` (pure logic, no build) and `site` (the built dist/ and real browsers). Only `site` builds the
// site first, so `npx vitest run --project unit` or `npx vitest run tests/unit` starts in a second.
export default defineConfig({
  test: {
    testTimeout: 30_000,
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
