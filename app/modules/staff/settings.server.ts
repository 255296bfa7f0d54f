import { sql, type Kysely } from "kysely";
import type { Db } from "~db/client";
import type { Database } from "~db/schema";
import { recordAudit, type AuditContext } from "./audit.server";
import type { HolidayAdd, SlaTargets } from "./settings.schema";

export interface SlaSettings {
  firstResponseHours: number;
  nextResponseHours: number;
  dayStart: string;
  dayEnd: string;
  workdays: number[];
  /** updated_at in microseconds since the epoch ("0" while the row is missing); the form sends it back. */
  version: string;
}

export interface Holiday {
  day: string;
  label: string;
}

// The effective settings come from sla_config(), the same function the deadline uses (defaults when the row is gone).
const settingsQuery = sql<SlaSettings>`
  select c.first_response_hours as "firstResponseHours", c.next_response_hours as "nextResponseHours",
         to_char(c.day_start, 'HH24:MI') as "dayStart", to_char(c.day_end, 'HH24:MI') as "dayEnd", c.workdays,
         coalesce((extract(epoch from s.updated_at) * 1000000)::bigint::text, '0') as version
  from sla_config() c left join sla_settings s on s.id = 1`;

/** The response targets and business hours in force. */
export async function getSlaSettings(db: Db): Promise<SlaSettings> {
  const { rows } = await settingsQuery.execute(db);
  return rows[0]!;
}

/** Holidays from `today` on (ascending), or before it (most recent first). */
export function listHolidays(db: Db, today: string, when: "upcoming" | "past"): Promise<Holiday[]> {
  return db
    .selectFrom("business_holidays")
    .select([sql<string>`to_char(day, 'YYYY-MM-DD')`.as("day"), "label"])
    .where("day", when === "upcoming" ? ">=" : "<", today)
    .orderBy("business_holidays.day", when === "upcoming" ? "asc" : "desc")
    .limit(500)
    .execute();
}

/**
 * Re-runs the cases trigger (which sets response_due_at with business_deadline) on open cases with a pending first
 * or next response, so their targets follow the new settings. Call it inside the transaction that changed them.
 * With `holiday`, only the cases whose target can move because of that day are touched.
 */
export async function recomputeResponseTargets(db: Db, holiday?: string): Promise<number> {
  let q = db
    .updateTable("cases")
    .set({ response_due_at: null })
    .where("status", "<>", "closed")
    .where((eb) => eb.or([eb("first_response_at", "is", null), eb("awaiting_reply_since", "is not", null)]));
  if (holiday) {
    // A target moves only if the day lies between the case's start (never before created_at) and its target.
    const dayStart = sql<Date>`${holiday}::timestamp at time zone 'Asia/Taipei'`;
    const dayEnd = sql<Date>`(${holiday}::timestamp + interval '1 day') at time zone 'Asia/Taipei'`;
    q = q
      .where("created_at", "<", dayEnd)
      .where((eb) => eb.or([eb("response_due_at", "is", null), eb("response_due_at", ">=", dayStart)]));
  }
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export type SettingsOutcome = { ok: true } | { ok: false; reason: "stale" | "duplicate" | "missing" };

const valuesOf = (s: SlaSettings | SlaTargets) => ({
  firstResponseHours: s.firstResponseHours,
  nextResponseHours: s.nextResponseHours,
  dayStart: s.dayStart,
  dayEnd: s.dayEnd,
  workdays: s.workdays,
});

/** Saves the targets unless someone saved since `input.version` was read; recomputes open cases; audited. */
export function updateSlaSettings(
  db: Kysely<Database>,
  ctx: AuditContext,
  input: SlaTargets
): Promise<SettingsOutcome> {
  return db.transaction().execute(async (trx) => {
    // Lock the row first: a second save waits here, then sees the new version and is refused.
    await trx.selectFrom("sla_settings").select("id").where("id", "=", 1).forUpdate().execute();
    const before = await getSlaSettings(trx);
    if (before.version !== input.version) return { ok: false, reason: "stale" } as const;
    const after = valuesOf(input);
    const row = {
      first_response_hours: after.firstResponseHours,
      next_response_hours: after.nextResponseHours,
      day_start: after.dayStart,
      day_end: after.dayEnd,
      workdays: after.workdays,
      updated_at: sql<Date>`clock_timestamp()`,
    };
    // No row yet (version "0"): insert, and a concurrent first insert wins (the loser is stale).
    const saved =
      before.version === "0"
        ? await trx
            .insertInto("sla_settings")
            .values({ id: 1, ...row })
            .onConflict((oc) => oc.column("id").doNothing())
            .returning("id")
            .executeTakeFirst()
        : await trx.updateTable("sla_settings").set(row).where("id", "=", 1).returning("id").executeTakeFirst();
    if (!saved) return { ok: false, reason: "stale" } as const;
    const recomputed = await recomputeResponseTargets(trx);
    await recordAudit(trx, ctx, {
      action: "settings.sla.update",
      detail: { before: valuesOf(before), after, recomputed },
    });
    return { ok: true } as const;
  });
}

/** Adds a business holiday (a duplicate date is refused); recomputes open cases; audited. */
export function addHoliday(db: Kysely<Database>, ctx: AuditContext, input: HolidayAdd): Promise<SettingsOutcome> {
  return db.transaction().execute(async (trx) => {
    const added = await trx
      .insertInto("business_holidays")
      .values({ day: input.day, label: input.label })
      .onConflict((oc) => oc.column("day").doNothing())
      .returning("label")
      .executeTakeFirst();
    if (!added) return { ok: false, reason: "duplicate" } as const;
    const recomputed = await recomputeResponseTargets(trx, input.day);
    await recordAudit(trx, ctx, {
      action: "settings.holiday.add",
      detail: { before: null, after: { day: input.day, label: input.label }, recomputed },
    });
    return { ok: true } as const;
  });
}

/** Removes a business holiday; recomputes open cases; audited. */
export function removeHoliday(db: Kysely<Database>, ctx: AuditContext, day: string): Promise<SettingsOutcome> {
  return db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom("business_holidays")
      .where("day", "=", day)
      .returning("label")
      .executeTakeFirst();
    if (!removed) return { ok: false, reason: "missing" } as const;
    const recomputed = await recomputeResponseTargets(trx, day);
    await recordAudit(trx, ctx, {
      action: "settings.holiday.remove",
      detail: { before: { day, label: removed.label }, after: null, recomputed },
    });
    return { ok: true } as const;
  });
}
