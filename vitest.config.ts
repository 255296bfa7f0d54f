import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: { "~db": path.resolve(import.meta.dirname, "db"), "~": path.resolve(import.meta.dirname, "app") },
  },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    environment: "node",
    setupFiles: ["tests/support/setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Vitest uses cores − 1 by default: one worker on these 2-core machines. Each test file has its own schema and
    // database, so two run side by side: the suite took 316 s with one worker, 216 s with two.
    maxWorkers: 2,
  },
});
