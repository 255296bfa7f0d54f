/* Eligibility benchmarks: POST /api/v1/eligibility and the results page (req/s, p50/p95/p99), and the JavaScript
   each wizard page ships (raw and gzip). Run: npx tsx tests/bench/eligibility.ts [--no-build]  (BENCH_PORT, BENCH_SECONDS) */
import { execSync, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { gzipSync } from "node:zlib";

const port = Number(process.env.BENCH_PORT ?? 3291);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const base = `http://localhost:${port}`;
const dataDir = `data/bench-eligibility-${port}`;

async function waitHealthy() {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("server did not start");
}

/** N concurrent loops for `seconds`; returns requests per second and latency percentiles in ms. */
async function load(name: string, request: () => Promise<Response>) {
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      const res = await request();
      await res.arrayBuffer();
      if (!res.ok) errors++;
      latencies.push(performance.now() - t0);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(1);
  console.log(`${name}: ${(latencies.length / elapsed).toFixed(0)} req/s, p50 ${pct(50)} ms, p95 ${pct(95)} ms, p99 ${pct(99)} ms (${latencies.length} requests, ${errors} errors, ${connections} connections, ${seconds}s)`);
}

class Browser {
  cookies = new Map<string, string>();
  async go(path: string, form?: Record<string, string>) {
    const res = await fetch(`${base}${path}`, {
      method: form ? "POST" : "GET",
      redirect: "manual",
      headers: { Cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "), ...(form ? { "Content-Type": "application/x-www-form-urlencoded", Origin: base } : {}) },
      body: form ? new URLSearchParams(form) : undefined,
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [k, v] = pair!.split("=");
      this.cookies.set(k!, v!);
    }
    return { res, html: await res.text(), location: res.headers.get("location") };
  }
}

const answers: Record<string, Record<string, string>> = {
  identity: { value: "foreign-visa-exempt" }, age: { value: "35" }, highestDegree: { value: "master" }, degreeFromTaiwan: { value: "no" }, universityRank: { value: "top-500" },
  yearsSinceGraduation: { value: "3" }, hasTaiwanOffer: { value: "yes" }, yearsExperience: { value: "5" }, goldCardField: { value: "economy" }, goldCardClaims: { value: "none" },
  recentMonthlySalary: { amount: "148000", currency: "TWD" }, annualIncome: { amount: "50000", currency: "USD" }, remoteWorkAbroad: { value: "yes" }, priorNomadVisa: { value: "no" },
  averageBalance: { amount: "12000", currency: "USD" }, stayInsurance: { value: "yes" }, offerMonthlySalary: { amount: "50000", currency: "TWD" }, isMigrantWorker: { value: "no" },
};

/** Walks the wizard over plain HTTP; returns the pages it saw and the results id. */
async function journey() {
  const b = new Browser();
  const start = await b.go("/en/eligibility");
  const csrf = /name="_csrf" value="([^"]+)"/.exec(start.html)![1]!;
  let loc = (await b.go("/en/eligibility", { _csrf: csrf, asOf: "2026-06-01" })).location!;
  const pages: Record<string, string> = { start: start.html };
  while (!loc.endsWith("/check")) {
    const step = loc.split("/").pop()!;
    pages[step] = (await b.go(loc)).html;
    loc = (await b.go(loc, { _csrf: csrf, ...answers[step] })).location!;
  }
  pages.check = (await b.go(loc)).html;
  const results = (await b.go(loc, { _csrf: csrf })).location!;
  pages.results = (await b.go(results)).html;
  return { pages, results };
}

async function jsWeight(name: string, html: string) {
  const srcs = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+)"/g)].map((m) => m[1]!);
  const hrefs = [...html.matchAll(/<link[^>]+href="([^"]+\.js)"[^>]*rel="modulepreload"/g)].map((m) => m[1]!);
  let raw = 0;
  let gz = 0;
  for (const src of new Set([...srcs, ...hrefs])) {
    const body = Buffer.from(await (await fetch(`${base}${src}`)).arrayBuffer());
    raw += body.length;
    gz += gzipSync(body).length;
  }
  const inline = /<script id="i18n-resources"[^>]*>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? "";
  console.log(`${name}: ${new Set([...srcs, ...hrefs]).size} scripts, ${(raw / 1024).toFixed(1)} KB raw, ${(gz / 1024).toFixed(1)} KB gzip; inline i18n JSON ${(Buffer.byteLength(inline) / 1024).toFixed(1)} KB raw, ${(gzipSync(inline).length / 1024).toFixed(1)} KB gzip; HTML ${(Buffer.byteLength(html) / 1024).toFixed(1)} KB`);
}

async function main() {
  if (!process.argv.includes("--no-build")) execSync("npm run build --silent", { stdio: "inherit" });
  rmSync(dataDir, { recursive: true, force: true });
  const server = spawn("node", ["build/index.js"], { env: { ...process.env, PORT: String(port), PGLITE_DIR: dataDir, NODE_ENV: "production", SESSION_SECRET: "bench-secret-bench-secret-bench-secret", LOG_LEVEL: "warn", SEED_DEMO: "false" }, stdio: "ignore" });
  try {
    await waitHealthy();
    const { pages, results } = await journey();
    console.log(`JavaScript per page (target: at most 120 KB gzip on a question page):`);
    for (const [name, html] of Object.entries(pages).filter(([n]) => ["start", "identity", "recentMonthlySalary", "goldCardClaims", "check", "results"].includes(n))) await jsWeight(name, html);
    const body = JSON.stringify({ answers: { identity: "foreign-visa-exempt", age: 35, highestDegree: "master", goldCardField: "digital", yearsExperience: 8, annualIncome: { amount: 50000, currency: "USD" }, remoteWorkAbroad: true, averageBalance: { amount: 12000, currency: "USD" }, stayInsurance: true, hasTaiwanOffer: true, offerMonthlySalary: { amount: 60000, currency: "TWD" } }, asOf: "2026-06-01" });
    await load("POST /api/v1/eligibility", () => fetch(`${base}/api/v1/eligibility`, { method: "POST", headers: { "Content-Type": "application/json" }, body }));
    await load(`GET ${results} (results page)`, () => fetch(`${base}${results}`));
  } finally {
    server.kill("SIGTERM");
  }
}

await main();
