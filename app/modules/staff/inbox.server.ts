import { sql, type ExpressionBuilder, type SelectQueryBuilder } from "kysely";
import type { Db } from "~db/client";
import type { Database } from "~db/schema";
import { COUNT_CAP, inboxTabs, PAGE_SIZE, SEARCH_CAP, sortOf, type InboxFilters, type InboxTab } from "./inbox.schema";

export { COUNT_CAP, PAGE_SIZE, SEARCH_CAP };

type CasesQuery = SelectQueryBuilder<Database, "cases", object>;
type Eb = ExpressionBuilder<Database, "cases">;

const deadline = sql<Date>`coalesce(least(cases.due_at, cases.response_due_at), '9999-12-31Z'::timestamptz)`;
const sortKeys = {
  due: { expr: deadline, dir: "asc" as const },
  activity: { expr: sql<Date>`cases.last_activity_at`, dir: "desc" as const },
  created: { expr: sql<Date>`cases.created_at`, dir: "desc" as const },
};

function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function tabCondition(eb: Eb, tab: InboxTab, staffId: string) {
  const open = eb("cases.status", "<>", "closed");
  switch (tab) {
    case "mine":
      return eb.and([open, eb("cases.assignee_id", "=", staffId)]);
    case "unassigned":
      return eb.and([open, eb("cases.assignee_id", "is", null)]);
    case "waiting":
      return eb("cases.status", "=", "waiting_for_applicant");
    case "overdue":
      return eb.and([open, eb(deadline, "<", sql<Date>`now()`)]);
    case "closed":
      return eb("cases.status", "=", "closed");
    default:
      return open;
  }
}

function applyFilters(qb: CasesQuery, f: InboxFilters, search: Search): CasesQuery {
  let q = qb;
  if (f.status) q = q.where("cases.status", "=", f.status);
  if (f.kind) q = q.where("cases.kind", "=", f.kind);
  if (f.pathway) q = q.where("cases.pathway", "=", f.pathway);
  if (f.assignee === "none") q = q.where("cases.assignee_id", "is", null);
  else if (f.assignee) q = q.where("cases.assignee_id", "=", f.assignee);
  if (f.office) q = q.where("cases.office", "=", f.office);
  if (f.lang) q = q.where("cases.lang", "=", f.lang);
  if (f.nationality) q = q.where("cases.nationality", "=", f.nationality);
  if (f.vip) q = q.where("cases.vip", "=", true);
  if (search && "ids" in search) q = q.where(sql<boolean>`cases.id = any(${search.ids}::uuid[])`);
  else if (search) {
    const p = search.pattern;
    q = q.where(sql<boolean>`(cases.search_text like ${p} or exists (select 1 from case_events e where e.case_id = cases.id and e.body ilike ${p}))`);
  }
  return q;
}

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

export function inboxPageQuery(db: Db, f: InboxFilters, staffId: string, search: Search) {
  const { expr, dir } = sortKeys[sortOf(f)];
  let q = applyFilters(db.selectFrom("cases"), f, search).where((eb) => tabCondition(eb, f.tab, staffId));
  const cursor = decodeCursor(f.cursor);
  if (cursor) {
    const op = sql.raw(dir === "asc" ? ">" : "<");
    q = q.where(sql<boolean>`(${expr}, cases.id) ${op} (${cursor.key}::timestamptz, ${cursor.id}::uuid)`);
  }
  return q
    .leftJoin("users as applicant", "applicant.id", "cases.applicant_id")
    .leftJoin("users as assignee", "assignee.id", "cases.assignee_id")
    .select([
      "cases.id",
      "cases.version",
      "cases.reference",
      "cases.kind",
      "cases.pathway",
      "cases.status",
      "cases.subject",
      "cases.office",
      "cases.lang",
      "cases.nationality",
      "cases.vip",
      "cases.due_at",
      "cases.response_due_at",
      "cases.last_activity_at",
      "cases.created_at",
      "applicant.name as applicant_name",
      "assignee.name as assignee_name",
      // Text keeps the microseconds a JS Date would drop, so the keyset never skips a row.
      sql<string>`${expr}::text`.as("sort_key"),
    ])
    .orderBy(expr, dir)
    .orderBy("cases.id", dir)
    .limit(PAGE_SIZE + 1);
}

function hasFilters(f: InboxFilters): boolean {
  return Boolean(f.status || f.kind || f.pathway || f.assignee || f.office || f.lang || f.nationality || f.vip);
}

/** One tab's count, stopping at COUNT_CAP + 1 (cheap on the tab's own index). */
async function countTab(db: Db, f: InboxFilters, tab: InboxTab, staffId: string, search: Search): Promise<number> {
  const capped = applyFilters(db.selectFrom("cases"), f, search)
    .where((eb) => tabCondition(eb, tab, staffId))
    .select(sql<number>`1`.as("one"))
    .limit(COUNT_CAP + 1);
  const row = await db.selectFrom(capped.as("c")).select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every tab counted in one pass over the filtered cases (`closed` excluded unless asked, as it is the big set). */
async function countInOnePass(db: Db, f: InboxFilters, staffId: string, search: Search, withClosed: boolean) {
  let q = applyFilters(db.selectFrom("cases"), f, search);
  if (!withClosed) q = q.where("cases.status", "<>", "closed");
  const row = await q
    .select((eb) => [
      ...inboxTabs.map((tab) => eb.fn.countAll<string>().filterWhere(tabCondition(eb, tab, staffId)).as(tab)),
    ])
    .executeTakeFirstOrThrow();
  return Object.fromEntries(inboxTabs.map((tab) => [tab, Number(row[tab])])) as Record<InboxTab, number>;
}

/**
 * Tab counts, choosing the cheapest exact-or-capped plan: per-tab capped counts without filters; one pass over the
 * open set (plus a capped closed count) with filters; one pass over the matches of a selective search; none for a
 * search matching more than SEARCH_CAP cases.
 */
async function countTabs(db: Db, f: InboxFilters, staffId: string, search: Search): Promise<Record<InboxTab, number> | null> {
  if (search && "pattern" in search) return null;
  if (search) return countInOnePass(db, f, staffId, search, true);
  if (!hasFilters(f)) {
    const counts = await Promise.all(inboxTabs.map((tab) => countTab(db, f, tab, staffId, search)));
    return Object.fromEntries(inboxTabs.map((tab, i) => [tab, counts[i]!])) as Record<InboxTab, number>;
  }
  const [open, closed] = await Promise.all([countInOnePass(db, f, staffId, search, false), countTab(db, f, "closed", staffId, search)]);
  return { ...open, closed };
}

/** One page of the inbox for a staff member, the next-page cursor and the count per tab (null when too costly to know). */
export async function listCases(db: Db, filters: InboxFilters, staffId: string) {
  const search = await resolveSearch(db, filters.q);
  const [rows, tabCounts] = await Promise.all([inboxPageQuery(db, filters, staffId, search).execute(), countTabs(db, filters, staffId, search)]);
  const page = rows.slice(0, PAGE_SIZE);
  const last = page.at(-1);
  const nextCursor = rows.length > PAGE_SIZE && last ? encodeCursor({ key: last.sort_key, id: last.id }) : null;
  return { cases: page, nextCursor, tabCounts, manyMatches: Boolean(search && "pattern" in search) };
}

export type InboxPage = Awaited<ReturnType<typeof listCases>>;
export type InboxRow = InboxPage["cases"][number];
