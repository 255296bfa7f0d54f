import { sql, type RawBuilder } from "kysely";
import type { Db } from "~db/client";
import { COUNT_CAP, inboxTabs, PAGE_SIZE, SEARCH_CAP, sortOf, type InboxFilters, type InboxTab } from "./inbox.schema";

export { COUNT_CAP, PAGE_SIZE, SEARCH_CAP };

type Cond = RawBuilder<boolean>;

const deadline = sql<Date>`coalesce(least(cases.due_at, cases.response_due_at), '9999-12-31Z'::timestamptz)`;
const sortKeys = {
  due: { expr: deadline, dir: "asc" as const },
  activity: { expr: sql<Date>`cases.last_activity_at`, dir: "desc" as const },
  created: { expr: sql<Date>`cases.created_at`, dir: "desc" as const },
};

function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function tabCondition(tab: InboxTab, staffId: string): Cond {
  const open = sql<boolean>`cases.status <> 'closed'`;
  switch (tab) {
    case "mine":
      return sql`${open} and cases.assignee_id = ${staffId}`;
    case "unassigned":
      return sql`${open} and cases.assignee_id is null`;
    case "waiting":
      return sql`cases.status = 'waiting_for_applicant'`;
    case "overdue":
      return sql`${open} and ${deadline} < now()`;
    case "closed":
      return sql`cases.status = 'closed'`;
    default:
      return open;
  }
}

/** The URL's filters as conditions on `table`, whose columns carry the inbox's names (cases, or the closed-case counters). */
function filterConditions(f: InboxFilters, table: string): Cond[] {
  const col = (name: string) => sql.ref(`${table}.${name}`);
  const conds: Cond[] = [];
  for (const name of ["kind", "pathway", "office", "lang", "nationality"] as const) {
    const value = f[name];
    if (value) conds.push(sql`${col(name)} = ${value}`);
  }
  if (f.assignee === "none") conds.push(sql`${col("assignee_id")} is null`);
  else if (f.assignee) conds.push(sql`${col("assignee_id")} = ${f.assignee}`);
  if (f.vip) conds.push(sql`${col("vip")}`);
  return conds;
}

/** A text search's matches: the listed ids, or the pattern tested row by row. */
function searchCondition(search: Search): Cond[] {
  if (!search) return [];
  if ("ids" in search) return [sql`cases.id = any(${search.ids}::uuid[])`];
  const p = search.pattern;
  return [
    sql`(cases.search_text like ${p} or exists (select 1 from case_events e where e.case_id = cases.id and e.body ilike ${p}))`,
  ];
}

/** The URL's filters, status included, on the cases. */
function caseFilters(f: InboxFilters): Cond[] {
  return [...filterConditions(f, "cases"), ...(f.status ? [sql<boolean>`cases.status = ${f.status}`] : [])];
}

const all = (conds: Cond[]): Cond =>
  conds.length ? sql<boolean>`(${sql.join(conds, sql` and `)})` : sql<boolean>`true`;

/** Matches of a text search: the case ids when there are few, else the pattern to test row by row in sort order. */
export type Search = { ids: string[] } | { pattern: string } | undefined;

/** Runs the trigram-indexed lookups once per request. */
export async function resolveSearch(db: Db, q: string | undefined): Promise<Search> {
  if (!q) return undefined;
  const pattern = likePattern(q);
  // UNION ALL lets the LIMIT stop both index scans early; duplicates are removed here.
  const { rows } = await sql<{ id: string }>`
    select id from cases where search_text like ${pattern}
    union all select case_id from case_events where body ilike ${pattern}
    limit ${SEARCH_CAP + 1}`.execute(db);
  return rows.length > SEARCH_CAP ? { pattern } : { ids: [...new Set(rows.map((r) => r.id))] };
}

interface Cursor {
  key: string;
  id: string;
}

/** Opaque keyset cursor: the sort key of the last row and its id. */
export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.key, c.id])).toString("base64url");
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)$/;

function decodeCursor(raw: string | undefined): Cursor | undefined {
  if (!raw) return undefined;
  try {
    const [key, id] = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as unknown[];
    if (typeof key !== "string" || typeof id !== "string") return undefined;
    if (!TIMESTAMP.test(key) || !/^[0-9a-f-]{36}$/.test(id)) return undefined;
    return { key, id };
  } catch {
    return undefined;
  }
}

/** What the open-case indexes hold: every inbox filter and sort key. */
const covered = [
  "id",
  "status",
  "assignee_id",
  "office",
  "vip",
  "nationality",
  "kind",
  "lang",
  "pathway",
  "due_at",
  "response_due_at",
  "last_activity_at",
  "created_at",
] as const;

/**
 * One page plus one row. The open tabs walk the open cases' covering partial index in sort order (an index-only scan
 * fenced by OFFSET 0, so filters are tested on the walk and the LIMIT stops it early, whatever the planner thinks of
 * the filters' selectivity); the closed tab and searches are left to the planner.
 */
export function inboxPageQuery(db: Db, f: InboxFilters, staffId: string, search: Search) {
  const { expr, dir } = sortKeys[sortOf(f)];
  const walkOpen = f.tab !== "closed" && !search;
  const base = db.selectFrom("cases").select([...covered.map((c) => `cases.${c}` as const), expr.as("sort_at")]);
  // The search stays inside, on the same row as the sort key, so the planner can use one index for both.
  const walk = walkOpen
    ? base.where("cases.status", "<>", "closed").orderBy(expr, dir).orderBy("cases.id", dir).offset(0)
    : base.where(all(searchCondition(search)));
  const conds = [tabCondition(f.tab, staffId), ...caseFilters(f)];
  const cursor = decodeCursor(f.cursor);
  if (cursor) {
    const op = sql.raw(dir === "asc" ? ">" : "<");
    conds.push(sql`(cases.sort_at, cases.id) ${op} (${cursor.key}::timestamptz, ${cursor.id}::uuid)`);
  }
  return db
    .selectFrom("cases as detail")
    .innerJoin(walk.as("cases"), "cases.id", "detail.id")
    .leftJoin("users as applicant", "applicant.id", "detail.applicant_id")
    .leftJoin("users as assignee", "assignee.id", "cases.assignee_id")
    .where(all(conds))
    .select([
      "cases.id",
      "detail.version",
      "detail.reference",
      "cases.kind",
      "cases.pathway",
      "cases.status",
      "detail.subject",
      "cases.office",
      "cases.lang",
      "cases.nationality",
      "cases.vip",
      "cases.due_at",
      "cases.response_due_at",
      "cases.last_activity_at",
      "cases.created_at",
      sql<string | null>`coalesce(detail.applicant_name, applicant.name, applicant.email)`.as("applicant_name"),
      "assignee.name as assignee_name",
      // Issue 17: a rule set that took effect changed this application's eligibility, and its consultant has not looked yet.
      sql<boolean>`exists (select 1 from rule_alerts ra where ra.case_id = detail.id and ra.staff_seen_at is null)`.as(
        "rules_changed"
      ),
      // Text keeps the microseconds a JS Date would drop, so the keyset never skips a row.
      sql<string>`cases.sort_at::text`.as("sort_key"),
    ])
    .orderBy("cases.sort_at", dir)
    .orderBy("cases.id", dir)
    .limit(PAGE_SIZE + 1);
}

/** Every tab counted in one pass: over the open cases' covering index, or over the matches of a short search. */
export function onePassCountQuery(db: Db, f: InboxFilters, staffId: string, search: Search) {
  const conds = [...caseFilters(f), ...searchCondition(search)];
  if (!search) conds.push(sql`cases.status <> 'closed'`);
  return db
    .selectFrom("cases")
    .where(all(conds))
    .select((eb) => inboxTabs.map((tab) => eb.fn.countAll<string>().filterWhere(tabCondition(tab, staffId)).as(tab)));
}

async function countInOnePass(db: Db, f: InboxFilters, staffId: string, search: Search) {
  const row = await onePassCountQuery(db, f, staffId, search).executeTakeFirstOrThrow();
  return Object.fromEntries(inboxTabs.map((tab) => [tab, Number(row[tab])])) as Record<InboxTab, number>;
}

function hasFilters(f: InboxFilters): boolean {
  return Boolean(f.status || f.kind || f.pathway || f.assignee || f.office || f.lang || f.nationality || f.vip);
}

/** One open tab's count without filters, stopping at COUNT_CAP + 1 (a short range of the tab's own index). */
async function countTab(db: Db, tab: InboxTab, staffId: string): Promise<number> {
  const capped = db
    .selectFrom("cases")
    .where(tabCondition(tab, staffId))
    .select(sql<number>`1`.as("one"))
    .limit(COUNT_CAP + 1);
  const row = await db
    .selectFrom(capped.as("c"))
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Closed cases matching the filters, from the counters the triggers keep. */
async function countClosed(db: Db, f: InboxFilters): Promise<number> {
  if (f.status && f.status !== "closed") return 0;
  const row = await closedCountQuery(db, f).executeTakeFirstOrThrow();
  return Number(row.n);
}

export function closedCountQuery(db: Db, f: InboxFilters) {
  return db
    .selectFrom("closed_case_counts")
    .where(all(filterConditions(f, "closed_case_counts")))
    .select(sql<string>`coalesce(sum(n), 0)`.as("n"));
}

/**
 * Tab counts: capped per-tab counts on the tabs' own indexes without filters, one pass over the open cases' covering
 * index with filters, one pass over the matches of a short search; the closed count from its counters. Null for a
 * search matching more than SEARCH_CAP cases (too costly to count).
 */
async function countTabs(
  db: Db,
  f: InboxFilters,
  staffId: string,
  search: Search
): Promise<Record<InboxTab, number> | null> {
  if (search && "pattern" in search) return null;
  if (search) return countInOnePass(db, f, staffId, search);
  const closed = countClosed(db, f);
  if (!hasFilters(f)) {
    const open = inboxTabs.filter((tab) => tab !== "closed");
    const counts = await Promise.all([...open.map((tab) => countTab(db, tab, staffId)), closed]);
    return Object.fromEntries([...open, "closed"].map((tab, i) => [tab, counts[i]!])) as Record<InboxTab, number>;
  }
  const [counts, closedCount] = await Promise.all([countInOnePass(db, f, staffId, search), closed]);
  return { ...counts, closed: closedCount };
}

/** One page of the inbox for a staff member, the next-page cursor and the count per tab (null when too costly to know). */
export async function listCases(db: Db, filters: InboxFilters, staffId: string) {
  const search = await resolveSearch(db, filters.q);
  const [rows, tabCounts] = await Promise.all([
    inboxPageQuery(db, filters, staffId, search).execute(),
    countTabs(db, filters, staffId, search),
  ]);
  const page = rows.slice(0, PAGE_SIZE);
  const last = page.at(-1);
  const nextCursor = rows.length > PAGE_SIZE && last ? encodeCursor({ key: last.sort_key, id: last.id }) : null;
  return { cases: page, nextCursor, tabCounts, manyMatches: Boolean(search && "pattern" in search) };
}

export type InboxPage = Awaited<ReturnType<typeof listCases>>;
export type InboxRow = InboxPage["cases"][number];
