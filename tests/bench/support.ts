/* Shared pieces of the benchmark harness: start the real production server, load it from this process, read RSS. */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import type { LoadSpec } from "./loadgen";

export interface Started {
  url: string;
  child: ChildProcess;
  /** Milliseconds from spawn to the first 200 from /healthz (or the given ready path). */
  readyMs: number;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of running) child.kill("SIGTERM");
});

/** Spawns a Node process and waits until `readyPath` answers 200 (killed when the benchmark exits, even on error). */
export async function startProcess(
  args: string[],
  opts: { port: number; env?: Record<string, string>; readyPath?: string }
): Promise<Started> {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, {
    env: { ...process.env, PORT: String(opts.port), LOG_LEVEL: "warn", ...opts.env },
    stdio: ["ignore", process.env.SERVER_LOG ? "inherit" : "ignore", "inherit"],
  });
  running.add(child);
  child.once("exit", () => running.delete(child));
  const url = `http://127.0.0.1:${opts.port}`;
  const deadline = Date.now() + 600_000; // a shared, loaded machine can take minutes
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${args.join(" ")} exited with ${child.exitCode}`);
    try {
      const res = await fetch(url + (opts.readyPath ?? "/healthz"));
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`${args.join(" ")} did not become ready`);
    await new Promise((r) => setTimeout(r, 25));
  }
  const readyMs = performance.now() - t0;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return { url, child, readyMs, stop };
}

export interface LoadResult {
  requestsPerSec: number;
  total: number;
  /** CPU time the server's processes spent per request (ms), when measured: what a shared machine cannot skew. */
  cpuMsPerRequest?: number;
  p50: number;
  p97_5: number;
  p99: number;
  errors: number;
  /** Responses outside 2xx (redirects included: a form POST that works answers 303). */
  non2xx: number;
  redirects: number;
}

/** Runs autocannon against one URL in a process of its own (tests/bench/loadgen.ts) and returns its figures. */
export async function load(url: string, opts: Partial<Omit<LoadSpec, "url">> = {}): Promise<LoadResult> {
  const spec: LoadSpec = { url, connections: opts.connections ?? 10, duration: opts.duration ?? 10, ...opts };
  const script = path.join(import.meta.dirname, "loadgen.ts");
  const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", script, JSON.stringify(spec)], {
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout) as LoadResult;
}

/** Resident memory of a process in MiB, from /proc. */
export function rssMiB(pid: number | undefined): number {
  if (!pid) return Number.NaN;
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

export function fmt(n: number, digits = 1): string {
  return Number.isFinite(n) ? n.toFixed(digits) : "n/a";
}

export function loadLine(label: string, r: LoadResult): string {
  return `${label.padEnd(28)} ${fmt(r.requestsPerSec, 0).padStart(7)} req/s   p50 ${fmt(r.p50, 1)} ms   p97.5 ${fmt(
    r.p97_5,
    1
  )} ms   p99 ${fmt(r.p99, 1)} ms   errors ${r.errors + r.non2xx - r.redirects}`;
}

/** The environment of a production server on its own fresh embedded database. */
export const benchEnv = (dataDir: string) => ({
  PGLITE_DIR: dataDir,
  NODE_ENV: "production",
  DEMO: "true",
  SESSION_SECRET: "bench-secret-bench-secret-bench-secret",
});
