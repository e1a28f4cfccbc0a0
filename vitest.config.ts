import { defineConfig } from 'vitest/config';

// The include is required: without it vitest would pick up e2e/*.spec.ts (Playwright's tests).
export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['./vitest.setup.ts'],
  },
});
