import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Builds dist/ once (with its Pagefind index) for the build and browser tests.
    globalSetup: ['tests/support/build-once.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
