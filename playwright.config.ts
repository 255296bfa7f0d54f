import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3210);
const dataDir = `data/e2e-${port}`;
const buildDir = process.env.BUILD_DIR ?? "build";

const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  timeout: 30_000,
  use: {
    baseURL: `http://localhost:${port}`,
    launchOptions: chromium,
    // Recording a trace costs every passing test a DOM snapshot per action; a retried failure records one.
    trace: (process.env.E2E_TRACE as "on" | "off" | "retain-on-failure" | undefined) ?? "on-first-retry",
    locale: "en-US",
  },
  projects: [
    // Signs the demo staff in once (tests/e2e/auth.setup.ts); the others reuse those sessions.
    { name: "setup", testMatch: /auth\.setup\.ts/, use: { ...devices["Desktop Chrome"], launchOptions: chromium } },
    { name: "js", dependencies: ["setup"], use: { ...devices["Desktop Chrome"], launchOptions: chromium } },
    {
      name: "no-js",
      dependencies: ["setup"],
      grep: /@nojs/,
      use: { ...devices["Desktop Chrome"], launchOptions: chromium, javaScriptEnabled: false },
    },
    { name: "phone", dependencies: ["setup"], grep: /@phone/, use: { ...devices["Pixel 7"], launchOptions: chromium } },
  ],
  webServer: {
    command: `rm -rf ${dataDir} data/e2e-auth-${port} && npm run build --silent && node ${buildDir}/index.js`,
    url: `http://localhost:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: process.env.E2E_LOG ? "pipe" : "ignore",
    stderr: "pipe",
    env: { PORT: String(port), PGLITE_DIR: dataDir, NODE_ENV: "test", LOG_LEVEL: "warn" },
  },
});
