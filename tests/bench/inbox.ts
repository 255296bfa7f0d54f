/*
 * Inbox at scale: `npx tsx tests/bench/inbox.ts` seeds 10k → 100k → 1M cases (3 events each) into a scratch database
 * on the server of BENCH_DATABASE_URL (or TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test), times the
 * inbox's first page (the real `listCases`: page + six capped tab counts) for the common views and for text searches,
 * prints p50/p95 and EXPLAIN plans, then drops the database. Ctrl-C also drops it. BENCH_SIZES=10000,100000 limits the steps.
 * For tuning: BENCH_KEEP=1 keeps the database (its name is printed); BENCH_DB=<name> reuses a kept one, migrating it and
 * seeding only the cases it lacks.
 */
import { randomBytes } from "node:crypto";
import { pathToFileURL } from "node:url";
import { sql, type Kysely } from "kysely";
import pg from "pg";
import { createDb } from "~db/client";
import { migrateToLatest } from "~db/migrate";
import type { Database } from "~db/schema";
import {
  closedCountQuery,
  inboxPageQuery,
  listCases,
  onePassCountQuery,
  resolveSearch,
} from "~/modules/staff/inbox.server";
import { parseInboxFilters } from "~/modules/staff/inbox.schema";

const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const SIZES = (process.env.BENCH_SIZES ?? "10000,100000,1000000").split(",").map(Number);

const applicants = (from: number, to: number) => sql`
  insert into users (email, name, role, preferred_lang)
  select 'applicant' || g || '@example.com',
         case when g % 2 = 0
           then (array['陳','林','黃','張','李','王','吳','劉','蔡','楊'])[1 + (g / 7) % 10]
             || (array['志明','淑芬','家豪','雅婷','俊傑','怡君','承恩','美玲','冠宇','佳穎','宗翰','思妤'])[1 + (g / 70) % 12]
           else (array['Anna','Ben','Carlos','Dina','Emil','Fatima','Goran','Hiro','Ines','Jonas','Kavya','Liam'])[1 + (g / 3) % 12] || ' '
             || (array['Smith','Novak','Garcia','Tanaka','Müller','Rossi','Nguyen','Kowalski','Silva','Haddad'])[1 + (g / 36) % 10]
             || (g % 997) end,
         'applicant', case when g % 2 = 0 then 'zh-TW' else 'en' end
  from generate_series(${from}::int, ${to}::int) g`;

/** 4% of cases open (spread over the open statuses, a seventh of those unassigned); every case gets 3 events. */
const casesAndEvents = (from: number, to: number) => sql`
  with staff as (select array_agg(id order by email) ids from users where role = 'consultant'),
  new_cases as (
    insert into cases (reference, kind, pathway, status, applicant_id, assignee_id, subject, office, vip, lang, nationality,
                       created_at, last_activity_at, first_response_at, awaiting_reply_since, closed_at)
    select 'TT-' || (2017 + g % 10) || '-' || lpad(g::text, 7, '0'),
           case when g % 3 = 0 then 'consultation' else 'application' end,
           (array['gold-card','fsp-work-permit','points-graduate','entrepreneur'])[1 + g % 4],
           case when g % 25 = 0
             then (array['received','assigned','in_review','waiting_for_applicant','ready_to_file','filed','decided'])[1 + (g / 25) % 7]
             else 'closed' end,
           u.id,
           case when g % 25 = 0 and (g / 25) % 7 = 0 then null else staff.ids[1 + g % 20] end,
           (array['Gold Card question','工作許可','Housing in Taipei','子女教育','Tax residency','健保','Bank account','延長居留'])[1 + g % 8],
           (array['taipei','taichung','kaohsiung'])[1 + g % 3], g % 50 = 0, u.preferred_lang,
           (array['US','JP','IN','DE','FR','GB','MY','VN','ID','PH','KR','CA','AU','BR','ZA'])[1 + (g / 7) % 15],
           ts.t, ts.t + interval '2 days',
           case when g % 25 = 0 and (g / 25) % 7 = 0 then null else ts.t + interval '3 hours' end,
           case when g % 25 = 0 and g % 2 = 0 then ts.t + interval '1 day' end,
           case when g % 25 <> 0 then ts.t + interval '20 days' end
    from generate_series(${from}::int, ${to}::int) g
    cross join staff
    join users u on u.email = 'applicant' || g || '@example.com'
    cross join lateral (select now() - make_interval(mins => ((g::bigint * 7919) % 5256000)::int) as t) ts
    returning id, reference, applicant_id, assignee_id, created_at
  )
  insert into case_events (case_id, kind, visibility, author_id, body, created_at)
  select c.id, k.kind, 'public', case when k.n = 3 then c.assignee_id else c.applicant_id end,
         case when k.n = 1 then null else
           (array['Could you tell me which documents I need: ','請問申請需要準備哪些文件：','Thank you, I will upload the ',
                  '謝謝，我會上傳','Please send us your ','請提供您的'])[1 + (k.n + length(c.reference)) % 6]
           || (array['passport copy','degree certificate','salary proof','employment contract','在職證明','薪資證明','學歷證明','護照影本'])
                [1 + (hashtext(c.reference) & 7)]
           || ' (' || md5(c.reference || k.n) || ')' end,
         c.created_at + make_interval(hours => k.n)
  from new_cases c
  cross join (values (1, 'created'), (2, 'message'), (3, 'message')) k(n, kind)`;

async function seedStep(db: Kysely<Database>, from: number, to: number): Promise<void> {
  const { rows: indexes } = await sql<{ indexname: string; indexdef: string }>`
    select indexname, indexdef from pg_indexes where schemaname = current_schema()
      and tablename in ('cases', 'case_events') and indexdef not like '%UNIQUE%'`.execute(db);
  for (const i of indexes) await sql`drop index ${sql.id(i.indexname)}`.execute(db);
  const t0 = performance.now();
  await applicants(from, to).execute(db);
  await sql`alter table case_events disable trigger case_events_applicant_waiting`.execute(db);
  await casesAndEvents(from, to).execute(db);
  await sql`alter table case_events enable trigger case_events_applicant_waiting`.execute(db);
  const t1 = performance.now();
  for (const i of indexes) await sql.raw(i.indexdef).execute(db);
  await sql`vacuum analyze`.execute(db);
  console.log(
    `  seeded ${from}..${to} in ${((t1 - t0) / 1000).toFixed(0)} s; indexes rebuilt in ${(
      (performance.now() - t1) /
      1000
    ).toFixed(0)} s`
  );
}

const views: [string, string][] = [
  ["all open, last activity", "tab=open"],
  ["mine", "tab=mine"],
  ["unassigned", "tab=unassigned"],
  ["waiting for applicant", "tab=waiting"],
  ["overdue, by due time", "tab=overdue"],
  ["closed, newest first", "tab=closed&sort=created"],
  ["open + office + VIP", "tab=open&office=taipei&vip=1"],
  ["open + nationality + kind", "tab=open&nationality=JP&kind=consultation"],
  ["open, newest first", "tab=open&sort=created"],
  ["mine, by due time", "tab=mine&sort=due"],
  ["unassigned + language", "tab=unassigned&lang=zh-TW"],
  ["closed + nationality + kind", "tab=closed&nationality=JP&kind=consultation"],
  ["closed + office + pathway", "tab=closed&office=kaohsiung&pathway=gold-card"],
  ["all open, third page", "tab=open&page=3"],
];
const searches: [string, string][] = [
  ["search: Chinese name", "tab=open&q=黃家豪"],
  ["search: Latin name", "tab=open&q=Hiro Rossi"],
  ["search: email", "tab=closed&q=applicant4242@"],
  ["search: reference", "tab=closed&q=TT-2019-0000042"],
  ["search: message text (zh)", "tab=open&q=在職證明"],
  ["search: no match", "tab=closed&q=9e107d9d372b"],
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(db: Kysely<Database>, label: string, query: string, staffId: string): Promise<void> {
  const filters = parseInboxFilters(new URLSearchParams(query));
  // page=N: time the Nth page, reached by following the keyset cursor.
  for (let n = Number(new URLSearchParams(query).get("page") ?? 1); n > 1; n--) {
    filters.cursor = (await listCases(db, filters, staffId)).nextCursor ?? undefined;
  }
  for (let i = 0; i < 3; i++) await listCases(db, filters, staffId);
  const times: number[] = [];
  let shown = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const page = await listCases(db, filters, staffId);
    times.push(performance.now() - t0);
    shown = page.cases.length;
  }
  times.sort((a, b) => a - b);
  console.log(
    `  ${label.padEnd(34)} p50 ${percentile(times, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(times, 95)
      .toFixed(1)
      .padStart(7)} ms   rows ${shown}`
  );
}

async function explain(db: Kysely<Database>, query: string, staffId: string): Promise<void> {
  const filters = parseInboxFilters(new URLSearchParams(query));
  const search = await resolveSearch(db, filters.q);
  const client = new pg.Client({ connectionString: process.env.__BENCH_URL });
  await client.connect();
  // As listCases runs them: no counts for a search with many matches; the closed count from its counters without one.
  const parts = [
    ["page", inboxPageQuery(db, filters, staffId, search)],
    ...(search && "pattern" in search
      ? []
      : [
          [
            "tab counts, one pass (filtered views and searches)",
            onePassCountQuery(db, filters, staffId, search),
          ] as const,
        ]),
    ...(search ? [] : [["closed count", closedCountQuery(db, filters)] as const]),
  ] as const;
  for (const [part, builder] of parts) {
    const compiled = builder.compile();
    const { rows } = await client.query(`explain (analyze, costs off, timing off, summary on) ${compiled.sql}`, [
      ...compiled.parameters,
    ]);
    console.log(`\n  EXPLAIN ${query} (${part})\n${rows.map((r) => `    ${r["QUERY PLAN"]}`).join("\n")}`);
  }
  await client.end();
}

/** A scratch database (not a schema: other engineers' test schemas share the server's `test` database). */
async function openScratch(base: string) {
  const reuse = process.env.BENCH_DB;
  if (reuse && !/^bench_inbox_[a-z0-9_]+$/.test(reuse)) throw new Error("BENCH_DB must name a bench_inbox_* database");
  const keep = Boolean(reuse || process.env.BENCH_KEEP);
  const name = reuse ?? `bench_inbox_${randomBytes(4).toString("hex")}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    await client.query(statement);
    await client.end();
  };
  if (!reuse) await admin(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  process.env.__BENCH_URL = url.toString();
  const handle = await createDb({ url: url.toString(), max: 8 });
  const drop = async () => {
    await handle.close();
    if (keep) console.log(`\nkept database ${name} (BENCH_DB=${name} reuses it)`);
    else await admin(`drop database ${name} with (force)`);
  };
  return { db: handle.db, drop };
}

async function main(): Promise<void> {
  const base =
    process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  const { db, drop } = await openScratch(base);
  process.once("SIGINT", () => void drop().finally(() => process.exit(130)));
  process.once("SIGTERM", () => void drop().finally(() => process.exit(143)));
  try {
    await migrateToLatest(db);
    await sql`insert into users (email, name, role, office)
      select 'consultant' || lpad(g::text, 2, '0') || '@bench.test', 'Consultant ' || g, 'consultant', 'taipei'
      from generate_series(1, 20) g on conflict do nothing`.execute(db);
    const me = await db
      .selectFrom("users")
      .select("id")
      .where("email", "=", "consultant01@bench.test")
      .executeTakeFirstOrThrow();
    const existing = await db
      .selectFrom("cases")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    let done = Number(existing.n);
    for (const size of SIZES) {
      console.log(`\n### ${size.toLocaleString("en")} cases`);
      if (size > done) {
        await seedStep(db, done + 1, size);
        done = size;
      } else if (size < done) {
        console.log(`  (the database holds ${done.toLocaleString("en")} cases; skipped)`);
        continue;
      }
      for (const [label, q] of [...views, ...searches]) await measure(db, label, q, me.id);
    }
    for (const q of [
      "tab=open",
      "tab=overdue",
      "tab=mine",
      "tab=unassigned&office=taipei&vip=1",
      "tab=open&nationality=JP&kind=consultation",
      "tab=closed&nationality=JP&kind=consultation",
      "tab=open&q=黃家豪",
      "tab=open&q=Hiro Rossi",
      "tab=open&q=在職證明",
    ])
      await explain(db, q, me.id);
  } finally {
    await drop();
  }
}

/** For tests/bench/run.ts (the lead wires it): the same run as the command line. */
export const inboxSuite = { name: "inbox", run: () => main() };

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
