/*
 * `npm run bench`: builds, starts the production server on a fresh embedded database, and measures from this
 * process. Each suite prints its own figures; later issues add a suite to `suites` below.
 * Options: BENCH_DURATION (seconds per load run, default 10), BENCH_CONNECTIONS (default 10),
 * BENCH_ONLY (comma-separated suite names; `inbox` runs only when named: BENCH_ONLY=inbox, see tests/bench/inbox.ts;
 * likewise `rule-alerts`, also `npm run bench:rule-alerts` without the build, see tests/bench/rule-alerts.ts).
 */
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { startupSuite } from "./startup";
import { httpSuite } from "./http";
import { pageWeightSuite } from "./page-weight";
import { eligibilitySuite } from "./eligibility";
import { inboxSuite } from "./inbox";
import { tableSuite } from "./table";
import { ruleAlertsSuite } from "./rule-alerts";

export interface BenchContext {
  root: string;
  buildDir: string;
  duration: number;
  connections: number;
}

export interface Suite {
  name: string;
  /** Runs only when named in BENCH_ONLY (the inbox suite seeds a million cases into PostgreSQL). */
  optIn?: boolean;
  run(ctx: BenchContext): Promise<void>;
}

const suites: Suite[] = [
  tableSuite,
  pageWeightSuite,
  { ...startupSuite, optIn: true },
  { ...httpSuite, optIn: true },
  { ...eligibilitySuite, optIn: true },
  { ...inboxSuite, optIn: true },
  { ...ruleAlertsSuite, optIn: true },
];

const root = path.resolve(import.meta.dirname, "../..");
const buildDir = "data/bench/build";
const only = process.env.BENCH_ONLY?.split(",").map((s) => s.trim());
const ctx: BenchContext = {
  root,
  buildDir,
  duration: Number(process.env.BENCH_DURATION ?? 10),
  connections: Number(process.env.BENCH_CONNECTIONS ?? 10),
};

rmSync(path.join(root, "data/bench"), { recursive: true, force: true });
console.log(`Building into ${buildDir} …`);
execFileSync("npx", ["remix", "build"], {
  cwd: root,
  env: { ...process.env, BUILD_DIR: buildDir },
  stdio: ["ignore", "ignore", "inherit"],
});
console.log(`Node ${process.version}, ${(await import("node:os")).cpus().length} CPUs\n`);

for (const suite of suites) {
  if (only ? !only.includes(suite.name) : suite.optIn) continue;
  console.log(`## ${suite.name}`);
  await suite.run(ctx);
  console.log("");
}
