import { defineConfig } from "@playwright/test";
import { browserPath } from "./scripts/browser-setup.mjs";

/** CHROMIUM_PATH, else the system's Chromium or Chrome, else Playwright's own download: as `npm test` finds it. */
const executablePath = browserPath();
const port = 4174;

export default defineConfig({
  testDir: "e2e",
  timeout: 120_000,
  fullyParallel: false,
  workers: 1,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    acceptDownloads: true,
    launchOptions: {
      executablePath,
      // Why these flags: headless as root needs --no-sandbox, and this machine has no network, so Chromium's
      // own background connections would only fail (and would muddy the test that records every request).
      args: [
        "--no-sandbox",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-gpu",
      ],
    },
  },
  webServer: {
    // The same two build steps as `npm run build` (the type check runs before, in `npm test`).
    command: `npx vite build --logLevel warn && node scripts/single-file.mjs && npx vite preview --port ${port} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
