import { defineConfig } from '@playwright/test';

// Browser smoke tests drive Debian's Chromium (never a downloaded browser build) against the
// portal started by the README's start command.
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

export default defineConfig({
  timeout: 120_000,
  expect: { timeout: 60_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  webServer: {
    command: './scripts/start.sh',
    url: 'http://localhost:3000',
    // Reusing a running portal makes local runs fast; CI always starts its own.
    reuseExistingServer: !process.env.CI,
    timeout: 600_000,
    stdout: 'ignore',
    stderr: 'pipe',
    // SIGTERM lets the start script stop its local platform (the platform also stops by itself
    // once the script is gone, should it be killed).
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
  },
  use: {
    baseURL: process.env.PLAYWRIGHT_URL ?? 'http://localhost:3000',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: chromiumArgs,
    },
  },
  outputDir: 'test-results/playwright',
  projects: [
    {
      name: 'app',
      testDir: 'packages/app/e2e-tests',
      use: { browserName: 'chromium' },
    },
  ],
});
