/*
 * Issue 15's table: every row beside raw node:http measured in the same run, for PGlite (one process) and PostgreSQL
 * (one worker per core), with the load generator in a process of its own; plus cold start, RSS and directory growth.
 * PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) names the server; a scratch
 * database bench_portal is made and dropped there.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createDb } from "~db/client";
import { seed } from "~db/seed";
import type { BenchContext, Suite } from "./run";
import { applicant, staff } from "./browser";
import { journey } from "./eligibility";
import { growth } from "./growth";
import { benchEnv, fmt, load, type LoadResult, startProcess, type Started } from "./support";

interface Row {
  label: string;
  target: string;
  /** Compared with raw node:http (anonymous pages) instead of an absolute target. */
  ratio?: number;
  cells: Partial<Record<"pglite" | "postgres", string>>;
}

const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const dbName = `bench_portal${process.env.BENCH_PORT_OFFSET ?? ""}`;
const portOffset = Number(process.env.BENCH_PORT_OFFSET ?? 0);
/** BENCH_PORT: the first of four ports the table uses (PGlite, PostgreSQL, then raw node:http for each). */
const firstPort = Number(process.env.BENCH_PORT ?? 3911);
const pgUrl = () => {
  const u = new URL(adminUrl);
  u.pathname = `/${dbName}`;
  return u.toString();
};

async function admin(query: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

/** The server's processes: the one started and its workers. */
function tree(pid: number | undefined): number[] {
  if (!pid) return [];
  const children = readProc(pid, `task/${pid}/children`).trim();
  return [pid, ...children.split(/\s+/).filter(Boolean).map(Number)];
}
const rssOf = (pids: number[]) =>
  pids.reduce((sum, p) => sum + Number(/VmRSS:\s+(\d+)/.exec(readProc(p, "status"))?.[1] ?? 0), 0) / 1024;
const cpuOf = (pids: number[]) =>
  pids.reduce(
    (s, p) =>
      s +
      readProc(p, "stat")
        .split(") ")[1]!
        .split(" ")
        .slice(11, 13)
        .reduce((a, b) => a + Number(b), 0),
    0
  ) / 100;
function readProc(pid: number, file: string): string {
  try {
    return readFileSync(`/proc/${pid}/${file}`, "utf8");
  } catch {
    return "";
  }
}

/** req/s (p99, share of raw by throughput) and CPU per request (share of raw by CPU: raw's CPU/request ÷ this row's). */
const cell = (r: LoadResult, raw?: LoadResult) =>
  `${fmt(r.requestsPerSec, 0)} (p99 ${fmt(r.p99, 0)} ms${
    raw ? `, ${fmt((100 * r.requestsPerSec) / raw.requestsPerSec, 1)}%` : ""
  }); ` +
  `CPU ${fmt(1000 * r.cpuMsPerRequest!, 0)} µs/req${
    raw ? ` = ${fmt((100 * raw.cpuMsPerRequest!) / r.cpuMsPerRequest!, 1)}%` : ""
  }` +
  (r.errors + r.non2xx - r.redirects ? ` ⚠ ${r.errors + r.non2xx - r.redirects} errors` : "");

async function measure(kind: "pglite" | "postgres", ctx: BenchContext, rows: Row[]) {
  const entry = path.join(ctx.root, ctx.buildDir, "index.js");
  const dataDir = path.join(ctx.root, `data/bench/table-${kind}`);
  const env = { ...benchEnv(dataDir), ...(kind === "postgres" ? { DATABASE_URL: pgUrl() } : {}) };
  const port = (kind === "pglite" ? firstPort : firstPort + 1) + portOffset;
  const put = (label: string, value: string) =>
    ((rows.find((r) => r.label === label) ?? rows[rows.push({ label, target: "", cells: {} }) - 1]!).cells[kind] =
      value);

  rmSync(dataDir, { recursive: true, force: true });
  if (kind === "postgres") {
    await admin(`drop database if exists ${dbName} with (force)`);
    await admin(`create database ${dbName}`);
  }
  const starts: string[] = [];
  let server: Started | undefined;
  for (const label of ["fresh", "existing"]) {
    await server?.stop();
    server = await startProcess([entry], { port, env });
    starts.push(`${label} ${fmt(server.readyMs / 1000, 1)} s (CPU ${fmt(cpuOf(tree(server.child.pid)), 1)} s)`);
    if (label === "fresh") {
      // Demo accounts to sign in with (production seeds none), written while no server holds the database.
      await server.stop();
      server = undefined;
      const handle = await createDb(kind === "postgres" ? { url: pgUrl() } : { pgliteDir: dataDir });
      await seed(handle.db, { demo: true });
      await handle.close();
    }
  }
  put("cold start, fresh → existing data", starts.join(" → "));
  const s = server!;
  const rssStart = rssOf(tree(s.child.pid));
  const html = await (await fetch(`${s.url}/en`)).text();
  const file = path.join(ctx.root, `data/bench/en-${kind}.html`);
  writeFileSync(file, html);
  const plain = await startProcess(
    ["--import", "tsx", path.join(import.meta.dirname, "plain-server.ts"), file, String(port + 2)],
    { port: port + 2 }
  );

  const { results } = await journey(s.url);
  const person = await applicant(s.url);
  const applicantCase = /href="(\/en\/account\/cases\/TT-[^"?]+)"/.exec(
    (await person.go("/en/account/cases")).html
  )?.[1];
  const desk = await staff(s.url);
  const staffCase = /href="(\/en\/staff\/cases\/TT-[^"?]+)"/.exec((await desk.go("/en/staff/inbox")).html)?.[1];
  const bankId = /href="\/en\/living\/banks\/([^"?/]+)"/.exec(
    await (await fetch(`${s.url}/en/living/banks`)).text()
  )?.[1];
  const csrf = await person.csrf("/en/contact/new");
  const consultation = new URLSearchParams({
    _csrf: csrf,
    topic: "tax",
    question: "Which tax rules apply to me? (bench)",
    lang: "en",
    office: "taipei",
    channel: "email",
    submissionToken: "x".repeat(24),
  }).toString();
  const api = JSON.stringify({
    answers: {
      identity: "foreign-visa-exempt",
      age: 35,
      highestDegree: "master",
      goldCardField: "digital",
      yearsExperience: 8,
    },
    asOf: "2026-06-01",
  });

  const opts = { duration: ctx.duration, connections: ctx.connections };
  // CPU of the server's processes around each run (PostgreSQL's own processes are not counted).
  const timed = async (pid: number | undefined, run: Promise<LoadResult> | (() => Promise<LoadResult>)) => {
    const before = cpuOf(tree(pid));
    const r = await (typeof run === "function" ? run() : run);
    return { ...r, cpuMsPerRequest: (1000 * (cpuOf(tree(pid)) - before)) / Math.max(1, r.total) };
  };
  const lp = (url: string, o: Parameters<typeof load>[1]) => timed(s.child.pid, () => load(url, o));
  const get = (p: string, headers?: Record<string, string>) =>
    lp(s.url + p, { ...opts, ...(headers ? { headers } : {}) });
  await get("/en", {}); // warm-up
  const raw = await timed(plain.child.pid, () => load(`${plain.url}/en`, opts));
  put("raw node:http, same bytes as /en", cell(raw));
  const anonymous: [string, string][] = [
    ["/en", "/en"],
    ["Gold Card guide", "/en/pathways/gold-card"],
    ["/en/living/banks", "/en/living/banks"],
    ["a directory entry", `/en/living/banks/${bankId}`],
    ["/en/family", "/en/family"],
  ];
  for (const [label, p] of anonymous) put(label, cell(await get(p), raw));
  put("/en with gzip (precompressed)", cell(await get("/en", { "Accept-Encoding": "gzip" }), raw));
  put("/en not cached (cookie bypass)", cell(await get("/en", { Cookie: "bench=1" }), raw));
  put("a results page", cell(await get(results), raw));
  put(
    "applicant case, signed in",
    applicantCase ? cell(await get(applicantCase, { Cookie: person.cookieHeader })) : "no case found"
  );
  put("staff inbox, signed in", cell(await get("/en/staff/inbox", { Cookie: desk.cookieHeader })));
  put("staff case, signed in", staffCase ? cell(await get(staffCase, { Cookie: desk.cookieHeader })) : "no case found");
  put(
    "POST /api/v1/eligibility",
    cell(
      await lp(`${s.url}/api/v1/eligibility`, {
        ...opts,
        method: "POST",
        body: api,
        headers: { "Content-Type": "application/json" },
      })
    )
  );
  const form = { "Content-Type": "application/x-www-form-urlencoded", Cookie: person.cookieHeader, Origin: s.url };
  put(
    "consultation POST (validate, insert, 303)",
    cell(
      await lp(`${s.url}/en/contact/new`, {
        ...opts,
        method: "POST",
        body: consultation,
        headers: form,
        unique: "submissionToken",
      })
    )
  );
  put("RSS after start → after load", `${fmt(rssStart, 0)} → ${fmt(rssOf(tree(s.child.pid)), 0)} MB`);
  await plain.stop();
  if (kind === "postgres") put("10,000-entry directory: first page, search (p95 server)", await growth(s.url, pgUrl()));
  await s.stop();
  if (kind === "postgres") await admin(`drop database if exists ${dbName} with (force)`);
}

const targets: Record<string, string> = {
  "/en": "≥ 25% of raw",
  "Gold Card guide": "≥ 25% of raw",
  "/en/living/banks": "≥ 25% of raw",
  "a directory entry": "≥ 25% of raw",
  "/en/family": "≥ 25% of raw",
  "a results page": "≥ 10% of raw",
  "applicant case, signed in": "≥ 600, p99 ≤ 100 ms",
  "staff inbox, signed in": "≥ 600, p99 ≤ 100 ms",
  "staff case, signed in": "≥ 600, p99 ≤ 100 ms",
  "POST /api/v1/eligibility": "≥ 2,000",
  "consultation POST (validate, insert, 303)": "≥ 1,000",
  "RSS after start → after load": "PGlite ≤ 600 MB",
  "cold start, fresh → existing data": "PGlite ≤ 4 → ≤ 2 s; PostgreSQL ≤ 1 s",
  "10,000-entry directory: first page, search (p95 server)": "≤ 50 ms",
};

export const tableSuite: Suite = {
  name: "table",
  async run(ctx) {
    const rows: Row[] = [];
    const load1 = os.loadavg()[0]!;
    for (const kind of ["pglite", "postgres"] as const) {
      if (kind === "postgres" && process.env.BENCH_NO_POSTGRES) continue;
      await measure(kind, ctx, rows);
    }
    console.log(
      `${ctx.connections} connections, ${ctx.duration} s per row; req/s (p99, share of raw node:http's req/s in the same run);`
    );
    console.log(
      "CPU µs the server's processes spent per request (= raw's CPU per request as a share of the row's: the throughput"
    );
    console.log("share the row would reach on cores of its own; PostgreSQL's processes not counted)");
    console.log(
      `load average ${fmt(load1, 1)} before → ${fmt(
        os.loadavg()[0]!,
        1
      )} after (2 cores shared: compare ratios, not absolute figures)\n`
    );
    console.log("| what | PGlite, production, 1 process | PostgreSQL, production, one worker per core | target |");
    console.log("|---|---|---|---|");
    for (const r of rows)
      console.log(`| ${r.label} | ${r.cells.pglite ?? "—"} | ${r.cells.postgres ?? "—"} | ${targets[r.label] ?? ""} |`);
  },
};
