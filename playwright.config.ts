import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

// One throwaway database per test run. The runner evaluates this file first and its workers inherit
// the environment, so every process sees the same path.
process.env.E2E_DATABASE_URL ??= `file:${path.join(mkdtempSync(path.join(tmpdir(), "dispatch-e2e-")), "e2e.db")}`;
const port = Number(process.env.E2E_PORT ?? 3107);
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** The operator password of the server under test (e2e/admin*.spec.ts sign in with it). */
export const E2E_ADMIN_PASSWORD = "e2e-operator-password";

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  // Under CI a failed test runs once more; one that then passes counts as passed, and the closing summary
  // (scripts/test-summary.mjs) names it as flaky so it is seen and fixed rather than hidden.
  retries: process.env.CI === "true" ? 1 : 0,
  forbidOnly: process.env.CI === "true",
  timeout: 30_000,
  // An assertion waits up to 10 s (Playwright's default is 5): the first visit of a route makes the server
  // load that route's code while it also serves, on the same two cores (seen: the first article page).
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: process.env.E2E_REPORT ?? "reports/e2e-sqlite.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    // The same path a user takes: `npm start` migrates, imports the sample content and serves the build.
    command: "npm start",
    url: `http://127.0.0.1:${port}/`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      PORT: String(port),
      LOG_LEVEL: "warn",
      DISPATCH_ALLOW_PRIVATE_NETWORK: "1",
      // The admin specs sign in with this; specs that need the admin area off start their own server.
      DISPATCH_ADMIN_PASSWORD: E2E_ADMIN_PASSWORD,
      // Specs that count feed requests drive polling themselves; e2e/multi-instance.spec.ts starts
      // instances with the in-process scheduler on.
      DISPATCH_POLL: "off",
    },
  },
});
