/*
 * Rule-change alerts at scale (issue 17): `npm run bench:rule-alerts` seeds BENCH_ALERT_RESULTS (default 1,000,000)
 * consenting stored results into a scratch database on the server of BENCH_DATABASE_URL (or TEST_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/test) with INSERT … SELECT generate_series, then runs the real re-evaluation job
 * for the 2027 TEST FIXTURE rule set (tests/support/rules-2027.ts: a raised salary threshold that changes one result in
 * ten) and prints the time, the rows per second and this process's resident memory (sampled every 250 ms, and per
 * 10% of the way, to show it stays flat). The database is dropped at the end, and on Ctrl-C.
 */
import { randomBytes } from "node:crypto";
import { pathToFileURL } from "node:url";
import { sql, type Kysely } from "kysely";
import pg from "pg";
import { createDb } from "~db/client";
import { migrateToLatest } from "~db/migrate";
import type { Database } from "~db/schema";
import { runOneBatch, scheduleRuns } from "~/modules/alerts/rule-alert-job.server";
import { evaluateAll } from "~/modules/eligibility/eligibility.server";
import { FIXTURE_2027_VERSION, ruleSetsWith2027, workPermitAnswers } from "../support/rules-2027";

const RESULTS = Number(process.env.BENCH_ALERT_RESULTS ?? 1_000_000);
const BATCH = Number(process.env.BENCH_ALERT_BATCH ?? 1000);
const LANGS = ["en", "zh-TW", "ja", "ko", "th", "vi", "id"];
/** Twenty answer sets; the first two earn between the 2026 threshold (NT$47,971) and the fixture's NT$60,000. */
const SALARIES = [
  49000, 55000, 40000, 42000, 45000, 62000, 64000, 66000, 68000, 70000, 75000, 80000, 85000, 90000, 95000, 100000,
  120000, 150000, 200000, 46000,
];
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;

function templates() {
  return SALARIES.map((amount) => {
    const answers = workPermitAnswers(amount);
    return { answers, result: evaluateAll(answers, "2026-06-01") };
  });
}

async function seed(db: Kysely<Database>): Promise<void> {
  const users = Math.max(1, Math.round(RESULTS / 100));
  await sql`insert into users (id, email, preferred_lang, role)
    select md5('u' || g)::uuid, 'bench' || g || '@example.test', (${sql.lit(
      `{${LANGS.join(",")}}`
    )}::text[])[1 + g % 7], 'applicant'
    from generate_series(0, ${users - 1}::int) g`.execute(db);
  await sql`create table bench_templates (k int primary key, answers jsonb, result jsonb)`.execute(db);
  const rows = templates().map(
    (t, k) => sql`(${k}, ${JSON.stringify(t.answers)}::jsonb, ${JSON.stringify(t.result)}::jsonb)`
  );
  await sql`insert into bench_templates values ${sql.join(rows)}`.execute(db);
  await sql`insert into eligibility_checks (id, lang, answers, result, completed_at)
    select 'b' || lpad(g::text, 21, '0'), 'en', t.answers, t.result, now()
    from generate_series(1, ${RESULTS}::int) g join bench_templates t on t.k = g % ${SALARIES.length}`.execute(db);
  await sql`insert into rule_alert_consents (user_id, check_id, given_at)
    select md5('u' || (g % ${users}))::uuid, 'b' || lpad(g::text, 21, '0'), now()
    from generate_series(1, ${RESULTS}::int) g`.execute(db);
  await sql`drop table bench_templates`.execute(db);
  await sql`analyze`.execute(db);
}

async function measure(db: Kysely<Database>): Promise<void> {
  const sets = ruleSetsWith2027();
  await scheduleRuns(db, "2026-12-31", sets); // the 2026 rule sets' runs, long done by 2027
  await db.updateTable("rule_alert_runs").set({ phase: "done", finished_at: new Date() }).execute();
  await scheduleRuns(db, "2027-01-01", sets);
  const link = (lang: string, path: string) => `https://portal.example/${lang}${path}`;
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 250);
  const start = process.memoryUsage().rss;
  const t0 = performance.now();
  let batches = 0;
  let nextReport = 0.1;
  while ((await runOneBatch(db, { sets, link, batchSize: BATCH })) === "worked") {
    batches++;
    const run = await db
      .selectFrom("rule_alert_runs")
      .select(["examined"])
      .where("rule_set_version", "=", FIXTURE_2027_VERSION)
      .executeTakeFirstOrThrow();
    if (Number(run.examined) >= nextReport * RESULTS) {
      console.log(
        `  ${(nextReport * 100).toFixed(0).padStart(3)}%  ${((performance.now() - t0) / 1000)
          .toFixed(1)
          .padStart(7)} s  rss ${mb(process.memoryUsage().rss)}`
      );
      nextReport += 0.1;
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  const run = await db
    .selectFrom("rule_alert_runs")
    .selectAll()
    .where("rule_set_version", "=", FIXTURE_2027_VERSION)
    .executeTakeFirstOrThrow();
  const { rows } = await sql<{ n: string }>`select count(*) as n from outbox where template = 'rule-change'`.execute(
    db
  );
  console.log(
    `  re-evaluated ${Number(run.examined).toLocaleString(
      "en"
    )} results in ${batches} batches of ${BATCH}: ${seconds.toFixed(1)} s` +
      ` (${Math.round(Number(run.examined) / seconds).toLocaleString("en")} results/s)`
  );
  console.log(
    `  alerts ${Number(run.alerted).toLocaleString("en")}, e-mails queued ${Number(rows[0]!.n).toLocaleString("en")}`
  );
  console.log(
    `  rss at start ${mb(start)}, peak ${mb(peak)} (process maxRSS ${mb(process.resourceUsage().maxRSS * 1024)})`
  );
}

async function main(): Promise<void> {
  // As `npm start` runs: content and locales read once (development mode re-reads them on every use).
  process.env.NODE_ENV = "production";
  process.env.DEMO ??= "true";
  const base =
    process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  const name = `bench_alerts_${randomBytes(4).toString("hex")}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    await client.query(statement);
    await client.end();
  };
  await admin(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = await createDb({ url: url.toString(), max: 4 });
  const drop = async () => {
    await handle.close().catch((error: unknown) => console.error("closing the pool:", error));
    await admin(`drop database ${name} with (force)`);
    console.log(`  dropped database ${name}`);
  };
  process.once("SIGINT", () => void drop().finally(() => process.exit(130)));
  process.once("SIGTERM", () => void drop().finally(() => process.exit(143)));
  try {
    await migrateToLatest(handle.db);
    const t0 = performance.now();
    await seed(handle.db);
    console.log(
      `  seeded ${RESULTS.toLocaleString("en")} consenting results in ${((performance.now() - t0) / 1000).toFixed(1)} s`
    );
    await measure(handle.db);
  } finally {
    await drop();
  }
}

export const ruleAlertsSuite = { name: "rule-alerts", run: () => main() };

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
