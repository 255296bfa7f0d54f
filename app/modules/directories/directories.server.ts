import { sql, type Kysely, type Transaction } from "kysely";
import type { Database } from "~db/schema";
import type { Lang } from "~/lib/i18n/config";
import {
  CITY_CODES,
  DIRECTORIES,
  STALE_AFTER_MONTHS,
  cityByName,
  type DirectoryDef,
  type DirectoryKind,
} from "./kinds";
import { PAGE_SIZE, likePattern, type ListQuery } from "./list-query";
import type { CityCounts, DirectoryRow } from "./present";

export type Db = Kysely<Database> | Transaction<Database>;
type AnyTable = Record<string, unknown>;
/** The three tables seen through their shared shape, so one query serves every directory. */
export type GenericDb = Kysely<Record<DirectoryDef["table"], AnyTable>>;

export const generic = (db: Db) => db as unknown as GenericDb;

const EXPORT_LIMIT = 5000;

function filtered(db: Db, def: DirectoryDef, query: Pick<ListQuery, "q" | "filters">) {
  let qb = generic(db).selectFrom(def.table).where("status", "=", "active");
  for (const list of def.lists) {
    const value = query.filters[list.filter];
    if (value) qb = qb.where(sql<boolean>`${sql.ref(list.name)} @> ${JSON.stringify([value])}::jsonb`);
  }
  // A search that names a county exactly lists that county's entries, the same in Chinese and English (kinds.ts).
  const namedCity = query.q ? cityByName(query.q) : null;
  if (namedCity) qb = qb.where(sql<boolean>`${sql.ref("cities")} @> ${JSON.stringify([namedCity])}::jsonb`);
  // search_text is folded and trigram-indexed (GIN), so a LIKE with a folded pattern uses the index.
  else if (query.q) qb = qb.where(sql<boolean>`${sql.ref("search_text")} like ${likePattern(query.q)} escape '\\'`);
  return qb;
}

function titleOrder(def: DirectoryDef, lang: Lang) {
  const [first, second] = lang === "zh-TW" ? ["zh", "en"] : ["en", "zh"];
  return sql`coalesce(${sql.join(
    def.titleFields.flatMap((f) => [sql.ref(`${f}_${first}`), sql.ref(`${f}_${second}`)])
  )})`;
}

export interface ListResult {
  entries: DirectoryRow[];
  total: number;
  page: number;
  pageCount: number;
  /** The page asked for is past the last one. */
  outOfRange: boolean;
}

/** One page of active entries matching the search and filters, sorted by title in the reader's language. */
export async function listEntries(db: Db, kind: DirectoryKind, query: ListQuery, lang: Lang): Promise<ListResult> {
  const def = DIRECTORIES[kind];
  const { total } = await filtered(db, def, query)
    .select(sql<number>`count(*)::int`.as("total"))
    .executeTakeFirstOrThrow();
  const pageCount = Math.max(1, Math.ceil(Number(total) / PAGE_SIZE));
  const outOfRange = query.page > pageCount;
  const entries = outOfRange
    ? []
    : await filtered(db, def, query)
        .selectAll()
        .orderBy(titleOrder(def, lang))
        .orderBy("id")
        .limit(PAGE_SIZE)
        .offset((query.page - 1) * PAGE_SIZE)
        .execute();
  return { entries: entries as DirectoryRow[], total: Number(total), page: query.page, pageCount, outOfRange };
}

/** Every active entry matching the query (capped), for open-data export. */
export async function exportEntries(
  db: Db,
  kind: DirectoryKind,
  query: ListQuery,
  lang: Lang
): Promise<DirectoryRow[]> {
  const def = DIRECTORIES[kind];
  const rows = await filtered(db, def, query)
    .selectAll()
    .orderBy(titleOrder(def, lang))
    .orderBy("id")
    .limit(EXPORT_LIMIT)
    .execute();
  return rows as DirectoryRow[];
}

/** One entry by id; retired entries only when asked (staff). */
export async function getEntry(
  db: Db,
  kind: DirectoryKind,
  id: string,
  options: { includeRetired?: boolean } = {}
): Promise<DirectoryRow | null> {
  let qb = generic(db).selectFrom(DIRECTORIES[kind].table).selectAll().where("id", "=", id);
  if (!options.includeRetired) qb = qb.where("status", "=", "active");
  return ((await qb.executeTakeFirst()) as DirectoryRow | undefined) ?? null;
}

/** How many active entries each city or county has (an entry serving several cities counts in each). */
export async function cityCounts(db: Db, kind: DirectoryKind): Promise<CityCounts> {
  const table = DIRECTORIES[kind].table;
  const { rows } = await sql<{ city: string | null; n: number }>`
    select c.city, count(*)::int as n
    from ${sql.table(table)} d
    left join lateral jsonb_array_elements_text(d.cities) as c(city) on true
    where d.status = 'active'
    group by c.city`.execute(db);
  const counts: Record<string, number> = Object.fromEntries(CITY_CODES.map((c) => [c, 0]));
  let unplaced = 0;
  for (const row of rows) {
    if (row.city === null) unplaced += Number(row.n);
    else if (row.city in counts) counts[row.city] = Number(row.n);
  }
  return { counts, unplaced };
}

/** Active entries per directory, for the overview. */
export async function directoryTotals(db: Db): Promise<Record<DirectoryKind, number>> {
  const totals = {} as Record<DirectoryKind, number>;
  for (const def of Object.values(DIRECTORIES)) {
    const row = await generic(db)
      .selectFrom(def.table)
      .select(sql<number>`count(*)::int`.as("n"))
      .where("status", "=", "active")
      .executeTakeFirstOrThrow();
    totals[def.kind] = Number(row.n);
  }
  return totals;
}

/** Staff view: every entry including retired ones, newest change first. */
export async function listAllForStaff(db: Db, kind: DirectoryKind): Promise<DirectoryRow[]> {
  const rows = await generic(db)
    .selectFrom(DIRECTORIES[kind].table)
    .selectAll()
    .orderBy("status")
    .orderBy("updated_at", "desc")
    .limit(500)
    .execute();
  return rows as DirectoryRow[];
}

/** The day, in Taiwan, before which a check counts as stale (12 months before `now`). */
export function staleBefore(now: Date): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Taipei" }).format(now);
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  const back = new Date(Date.UTC(y, m - 1 - STALE_AFTER_MONTHS, d));
  return back.toISOString().slice(0, 10);
}

/** Active entries not checked against their source for 12 months or more, oldest check first (for staff upkeep). */
export async function listStaleEntries(db: Db, kind: DirectoryKind, now = new Date()): Promise<DirectoryRow[]> {
  const rows = await generic(db)
    .selectFrom(DIRECTORIES[kind].table)
    .selectAll()
    .where("status", "=", "active")
    .where("last_verified", "<=", staleBefore(now))
    .orderBy("last_verified")
    .orderBy("id")
    .limit(500)
    .execute();
  return rows as DirectoryRow[];
}
