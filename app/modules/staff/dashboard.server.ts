import { sql } from "kysely";
import type { Db } from "~db/client";

import type { Dimension, Period } from "./dashboard.schema";

const SPAN = { week: 12, month: 12 } as const;

/** Period starts in Taiwan time, newest last. */
function buckets(period: Period) {
  return sql`generate_series(date_trunc(${period}, (now() at time zone 'Asia/Taipei')) - make_interval(${sql.raw(
    period === "week" ? "weeks" : "months"
  )} => ${SPAN[period] - 1}),
    date_trunc(${period}, (now() at time zone 'Asia/Taipei')), ${sql.lit(`1 ${period}`)}::interval)`;
}

/** Cases opened and closed per week or month over the last twelve, with first-response compliance. */
export async function trend(db: Db, period: Period) {
  const { rows } = await sql<{ start: string; opened: number; closed: number; responded: number; on_time: number }>`
    select to_char(b.start, 'YYYY-MM-DD') as start,
      (select count(*)::int from cases c where date_trunc(${period}, c.created_at at time zone 'Asia/Taipei') = b.start) as opened,
      (select count(*)::int from cases c where date_trunc(${period}, c.closed_at at time zone 'Asia/Taipei') = b.start) as closed,
      (select count(*)::int from cases c where c.first_response_at is not null
         and date_trunc(${period}, c.created_at at time zone 'Asia/Taipei') = b.start) as responded,
      (select count(*)::int from cases c where c.first_response_at is not null
         and date_trunc(${period}, c.created_at at time zone 'Asia/Taipei') = b.start
         and c.first_response_at <= business_deadline(c.created_at, (select s.first_response_hours from sla_config() s))) as on_time
    from ${buckets(period)} as b(start) order by b.start`.execute(db);
  return rows;
}

/** Cases opened in the window, grouped by one dimension (largest first). */
export async function breakdown(db: Db, period: Period, by: Dimension) {
  // A consultation's topic is its subject; applications have none.
  const column = sql.ref(`cases.${by === "topic" ? "subject" : by}`);
  const only = by === "topic" ? sql`and kind = 'consultation'` : sql``;
  const { rows } = await sql<{ value: string | null; opened: number; closed: number; open: number }>`
    select ${column} as value, count(*)::int as opened,
      count(*) filter (where status = 'closed')::int as closed, count(*) filter (where status <> 'closed')::int as open
    from cases
    where created_at >= now() - make_interval(${sql.raw(period === "week" ? "weeks" : "months")} => ${
    SPAN[period]
  }) ${only}
    group by 1 order by 2 desc, 1 limit 30`.execute(db);
  return rows;
}

/** Open cases by status right now. */
export async function backlog(db: Db) {
  return db
    .selectFrom("cases")
    .select(["status", sql<number>`count(*)::int`.as("count")])
    .where("status", "<>", "closed")
    .groupBy("status")
    .orderBy("status")
    .execute();
}
