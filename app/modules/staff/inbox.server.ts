import { sql, type ExpressionBuilder, type SelectQueryBuilder } from "kysely";
import type { Db } from "~db/client";
import type { Database } from "~db/schema";
import { inboxTabs, sortOf, type InboxFilters, type InboxTab } from "./inbox.schema";

export const PAGE_SIZE = 25;
/** Tab counts stop at this number and show "10,000+": an exact count of a million rows costs more than the page. */
export const COUNT_CAP = 10_000;

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

function applyFilters(qb: CasesQuery, f: InboxFilters): CasesQuery {
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
  if (f.q) {
    const pattern = likePattern(f.q);
    q = q.where("cases.id", "in", (eb) =>
      eb
        .selectFrom("cases as s")
        .select("s.id")
        .where("s.search_text", "like", pattern)
        .union(eb.selectFrom("case_events as e").select("e.case_id as id").where(sql<boolean>`e.body ilike ${pattern}`)),
    );
  }
  return q;
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

export function inboxPageQuery(db: Db, f: InboxFilters, staffId: string) {
  const { expr, dir } = sortKeys[sortOf(f)];
  let q = applyFilters(db.selectFrom("cases"), f).where((eb) => tabCondition(eb, f.tab, staffId));
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

async function countTab(db: Db, f: InboxFilters, tab: InboxTab, staffId: string): Promise<number> {
  const capped = applyFilters(db.selectFrom("cases"), f)
    .where((eb) => tabCondition(eb, tab, staffId))
    .select(sql<number>`1`.as("one"))
    .limit(COUNT_CAP + 1);
  const row = await db
    .selectFrom(capped.as("c"))
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One page of the inbox for a staff member, the next-page cursor and the count per tab (capped at COUNT_CAP + 1). */
export async function listCases(db: Db, filters: InboxFilters, staffId: string) {
  const [rows, ...counts] = await Promise.all([
    inboxPageQuery(db, filters, staffId).execute(),
    ...inboxTabs.map((tab) => countTab(db, filters, tab, staffId)),
  ]);
  const page = rows.slice(0, PAGE_SIZE);
  const last = page.at(-1);
  const nextCursor = rows.length > PAGE_SIZE && last ? encodeCursor({ key: last.sort_key, id: last.id }) : null;
  const tabCounts = Object.fromEntries(inboxTabs.map((tab, i) => [tab, counts[i]!])) as Record<InboxTab, number>;
  return { cases: page, nextCursor, tabCounts };
}

export type InboxPage = Awaited<ReturnType<typeof listCases>>;
export type InboxRow = InboxPage["cases"][number];
