import { chromium, defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';

/**
 * Which Chromium to drive: CHROMIUM_PATH when set; Playwright's own browser where it is installed
 * (`npx playwright install chromium` on a laptop); otherwise a system Chromium (Debian's `chromium`).
 * `undefined` means Playwright's own.
 */
function pickChromium(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (existsSync(chromium.executablePath())) return undefined;
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) =>
    existsSync(p),
  );
}

const executablePath = pickChromium();
const PORT = Number(process.env.E2E_PORT ?? 4173);
// Pinned flags make screenshots the same from run to run (as Perfetto's UI tests do).
const stableRendering = ['--force-device-scale-factor=1', '--font-render-hinting=none', '--hide-scrollbars'];
const systemBrowserFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default defineConfig({
  testDir: './e2e',
  forbidOnly: !!process.env.CI,
  // On CI one retry, so that one slow moment of a loaded machine does not hide the rest of the run;
  // a test that fails twice fails the run, and one that passed only on its retry is listed as flaky.
  retries: process.env.CI ? 1 : 0,
  workers: process.env.CI ? 1 : undefined,
  timeout: 60_000,
  reporter: process.env.CI ? 'list' : [['list'], ['html', { open: 'never' }]],
  use: { baseURL: `http://127.0.0.1:${PORT}`, trace: 'retain-on-failure' },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1366, height: 768 },
        launchOptions: {
          executablePath,
          args: [...stableRendering, ...(executablePath ? systemBrowserFlags : [])],
        },
      },
    },
  ],
  webServer: {
    command: `npm run build && npm run preview -- --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
