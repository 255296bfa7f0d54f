import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "~/modules/accounts/sessions.server";
import { changeSettings } from "~/modules/staff/settings-form.server";
import { getSlaSettings, listHolidays } from "~/modules/staff/settings.server";
import { action, loader } from "~/routes/$lang.staff.settings/route";
import { testDatabases, useMigratedDb } from "../../support/db";
import { actorOf, makeCase, makeUser } from "./fixtures";

// Monday 30 November 2026, 09:00 in Taipei.
const MONDAY_9 = new Date("2026-11-30T01:00:00Z");

function form(values: Record<string, string | string[]>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) for (const item of [v].flat()) fd.append(k, item);
  return fd;
}

const targets = (version: string, over: Record<string, string | string[]> = {}) =>
  form({
    intent: "targets",
    version,
    firstResponseHours: "8",
    nextResponseHours: "16",
    dayStart: "09:00",
    dayEnd: "18:00",
    workdays: ["1", "2", "3", "4", "5"],
    ...over,
  });

describe.each(testDatabases())("settings on %s", (_name, open) => {
  const db = useMigratedDb(open);

  async function supervisor() {
    return actorOf(await makeUser(db(), { role: "supervisor", office: "taipei" }));
  }

  async function dueOf(id: string) {
    const row = await db().selectFrom("cases").select("response_due_at").where("id", "=", id).executeTakeFirstOrThrow();
    return row.response_due_at?.toISOString() ?? null;
  }

  it("refuses bad input with one localized message per field and changes nothing", async () => {
    const actor = await supervisor();
    const { version } = await getSlaSettings(db());
    const bad = await changeSettings(
      db(),
      actor,
      targets(version, {
        firstResponseHours: "0",
        nextResponseHours: "201",
        dayStart: "18:00",
        dayEnd: "09:00",
        workdays: [],
      })
    );
    expect(bad).toMatchObject({ ok: false, status: 400 });
    if (bad.ok) throw new Error("expected a refusal");
    expect(bad.problem.errors).toEqual({
      firstResponseHours: "staff:settings.errors.hours",
      nextResponseHours: "staff:settings.errors.hours",
      dayEnd: "staff:settings.errors.order",
      workdays: "staff:settings.errors.workdays",
    });
    const typo = await changeSettings(
      db(),
      actor,
      targets(version, { firstResponseHours: "eight", dayStart: "9am", nextResponseHours: "1.5", workdays: ["8"] })
    );
    expect(typo.ok ? null : typo.problem.errors).toEqual({
      firstResponseHours: "staff:settings.errors.hours",
      nextResponseHours: "staff:settings.errors.hours",
      dayStart: "staff:settings.errors.time",
      workdays: "staff:settings.errors.workdays",
    });
    const holiday = await changeSettings(db(), actor, form({ intent: "addHoliday", day: "2026-02-30", label: "  " }));
    expect(holiday.ok ? null : holiday.problem).toMatchObject({
      intent: "addHoliday",
      errors: { day: "staff:settings.errors.date", label: "staff:settings.errors.label" },
    });
    expect(await getSlaSettings(db())).toMatchObject({
      firstResponseHours: 8,
      nextResponseHours: 16,
      dayStart: "09:00",
      dayEnd: "18:00",
      workdays: [1, 2, 3, 4, 5],
    });
    expect(await db().selectFrom("audit_log").select("action").execute()).toEqual([]);
  });

  it("refuses a stale save instead of overwriting, also when two saves race", async () => {
    const actor = await supervisor();
    const { version } = await getSlaSettings(db());
    expect(await changeSettings(db(), actor, targets(version, { firstResponseHours: "6" }))).toEqual({
      ok: true,
      saved: "targets",
    });
    const stale = await changeSettings(db(), actor, targets(version, { firstResponseHours: "12" }));
    expect(stale).toMatchObject({
      ok: false,
      status: 409,
      problem: { errors: { firstResponseHours: "staff:settings.errors.stale" } },
    });
    const now = await getSlaSettings(db());
    expect(now.firstResponseHours).toBe(6);
    expect(now.version).not.toBe(version);
    const race = await Promise.all([
      changeSettings(db(), actor, targets(now.version, { firstResponseHours: "3" })),
      changeSettings(db(), actor, targets(now.version, { firstResponseHours: "4" })),
    ]);
    expect(race.filter((r) => r.ok)).toHaveLength(1);
    expect(race.filter((r) => !r.ok && r.status === 409)).toHaveLength(1);
  });

  it("creates the settings row when it is missing (a second writer with the same version is stale)", async () => {
    const actor = await supervisor();
    await db().deleteFrom("sla_settings").execute();
    const missing = await getSlaSettings(db());
    expect(missing).toMatchObject({ version: "0", firstResponseHours: 8 });
    expect(await changeSettings(db(), actor, targets("0", { workdays: ["6", "1", "1"] }))).toEqual({
      ok: true,
      saved: "targets",
    });
    expect((await getSlaSettings(db())).workdays).toEqual([1, 6]);
    expect(await changeSettings(db(), actor, targets("0"))).toMatchObject({ ok: false, status: 409 });
  });

  it("recomputes response_due_at of open cases with a pending target, in Taipei business hours", async () => {
    const actor = await supervisor();
    await sql`insert into sla_settings (id, first_response_hours, next_response_hours, day_start, day_end, workdays)
      values (1, 8, 16, '09:00', '18:00', '{1,2,3,4,5}') on conflict (id) do nothing`.execute(db());
    const fresh = await makeCase(db(), { created_at: MONDAY_9 });
    const waiting = await makeCase(db(), {
      created_at: MONDAY_9,
      first_response_at: MONDAY_9,
      awaiting_reply_since: MONDAY_9,
    });
    const answered = await makeCase(db(), { created_at: MONDAY_9, first_response_at: MONDAY_9 });
    const closed = await makeCase(db(), { created_at: MONDAY_9, status: "closed" });
    expect(await dueOf(fresh.id)).toBe("2026-11-30T09:00:00.000Z"); // Monday 17:00
    expect(await dueOf(waiting.id)).toBe("2026-12-01T08:00:00.000Z"); // Tuesday 16:00

    const { version } = await getSlaSettings(db());
    expect(
      await changeSettings(db(), actor, targets(version, { firstResponseHours: "4", nextResponseHours: "9" }))
    ).toMatchObject({ ok: true });
    expect(await dueOf(fresh.id)).toBe("2026-11-30T05:00:00.000Z"); // Monday 13:00
    expect(await dueOf(waiting.id)).toBe("2026-11-30T10:00:00.000Z"); // Monday 18:00
    expect(await dueOf(answered.id)).toBeNull();
    expect(await dueOf(closed.id)).toBeNull();

    expect(
      await changeSettings(
        db(),
        actor,
        form({ intent: "addHoliday", day: "2026-11-30", label: "Office closed (typhoon)" })
      )
    ).toMatchObject({ ok: true });
    expect(await dueOf(fresh.id)).toBe("2026-12-01T05:00:00.000Z"); // Tuesday 13:00
    const dup = await changeSettings(db(), actor, form({ intent: "addHoliday", day: "2026-11-30", label: "Again" }));
    expect(dup).toMatchObject({
      ok: false,
      status: 409,
      problem: { errors: { day: "staff:settings.errors.duplicate" } },
    });
    expect(await listHolidays(db(), "2026-11-01", "upcoming")).toEqual([
      { day: "2026-11-30", label: "Office closed (typhoon)" },
    ]);
    expect(await listHolidays(db(), "2026-12-01", "past")).toEqual([
      { day: "2026-11-30", label: "Office closed (typhoon)" },
    ]);

    expect(await changeSettings(db(), actor, form({ intent: "removeHoliday", day: "2026-11-30" }))).toMatchObject({
      ok: true,
    });
    expect(await dueOf(fresh.id)).toBe("2026-11-30T05:00:00.000Z");
    // A holiday before every pending target moves none of them, so no case is rewritten.
    expect(
      await changeSettings(db(), actor, form({ intent: "addHoliday", day: "2026-11-27", label: "Earlier" }))
    ).toMatchObject({ ok: true });
    expect(await dueOf(fresh.id)).toBe("2026-11-30T05:00:00.000Z");
    const audit = await db().selectFrom("audit_log").select(["action", "detail"]).orderBy("id").execute();
    expect(audit.map((r) => [r.action, (r.detail as { recomputed: number }).recomputed])).toEqual([
      ["settings.sla.update", 2],
      ["settings.holiday.add", 2],
      ["settings.holiday.remove", 2],
      ["settings.holiday.add", 0],
    ]);
    expect(await changeSettings(db(), actor, form({ intent: "removeHoliday", day: "2026-11-30" }))).toMatchObject({
      ok: false,
      status: 409,
      problem: { errors: { holidays: "staff:settings.errors.missing" } },
    });
  });

  it("audits every change with what it was before and after", async () => {
    const actor = await supervisor();
    const { version } = await getSlaSettings(db());
    await changeSettings(
      db(),
      actor,
      targets(version, { firstResponseHours: "5", workdays: ["1", "2", "3", "4", "5", "6"] })
    );
    await changeSettings(db(), actor, form({ intent: "addHoliday", day: "2027-01-01", label: "Founding Day" }));
    await changeSettings(db(), actor, form({ intent: "removeHoliday", day: "2027-01-01" }));
    const rows = await db().selectFrom("audit_log").select(["action", "actor_email", "detail"]).orderBy("id").execute();
    expect(rows.map((r) => r.action)).toEqual([
      "settings.sla.update",
      "settings.holiday.add",
      "settings.holiday.remove",
    ]);
    expect(rows.every((r) => r.actor_email === actor.actorEmail)).toBe(true);
    expect(rows[0]!.detail).toMatchObject({
      before: { firstResponseHours: 8, workdays: [1, 2, 3, 4, 5] },
      after: {
        firstResponseHours: 5,
        nextResponseHours: 16,
        dayStart: "09:00",
        dayEnd: "18:00",
        workdays: [1, 2, 3, 4, 5, 6],
      },
    });
    expect(rows[1]!.detail).toMatchObject({ before: null, after: { day: "2027-01-01", label: "Founding Day" } });
    expect(rows[2]!.detail).toMatchObject({ before: { day: "2027-01-01", label: "Founding Day" }, after: null });
  });

  describe("the page", () => {
    beforeAll(() => {
      globalThis.__portalDb = Promise.resolve({
        db: db(),
        kind: "pglite",
        close: async () => {},
        listen: async () => async () => {},
      });
    });
    afterAll(() => {
      globalThis.__portalDb = undefined;
    });

    async function requestAs(role: "consultant" | "supervisor", method = "GET") {
      const user = await makeUser(db(), { role, office: "taipei" });
      const token = await createSession(db(), user.id);
      await db().updateTable("sessions").set({ second_factor_at: new Date() }).where("user_id", "=", user.id).execute();
      const body =
        method === "POST" ? new URLSearchParams({ intent: "addHoliday", day: "2027-01-01", label: "x" }) : undefined;
      return new Request("http://localhost/en/staff/settings", { method, body, headers: { Cookie: `sid=${token}` } });
    }
    const args = (request: Request) => ({
      request,
      params: { lang: "en" },
      context: { nonce: "n", requestId: "r", csrfSeed: "s", clientIp: "127.0.0.1" },
    });
    const status = (p: Promise<unknown>) =>
      p.then(
        () => 200,
        (e: unknown) => (e instanceof Response ? e.status : 500)
      );

    it("is a 404 for a consultant, to read or to post", async () => {
      expect(await status(loader(args(await requestAs("consultant"))))).toBe(404);
      expect(await status(action(args(await requestAs("consultant", "POST"))))).toBe(404);
      expect(await db().selectFrom("business_holidays").selectAll().execute()).toEqual([]);
    });

    it("shows a supervisor the settings in force", async () => {
      const data = await loader(args(await requestAs("supervisor")));
      expect(data).toMatchObject({ role: "supervisor", settings: { firstResponseHours: 8 }, upcoming: [], past: null });
    });
  });
});
