import { defineConfig } from 'vitest/config';

// The include is required: without it vitest would pick up e2e/*.spec.ts (Playwright's tests).
export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['./vitest.setup.ts'],
    // Model property tests run hundreds of simulations: a few seconds alone, several times that on a
    // loaded 2-core machine. Speed is the bench's business, not the unit tests'.
    testTimeout: 60_000,
  },
});
