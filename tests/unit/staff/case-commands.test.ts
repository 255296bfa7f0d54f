import { describe, expect, it } from "vitest";
import { changeCase } from "~/modules/staff/case-commands.server";
import { addCaseMessage } from "~/modules/staff/case-messages.server";
import { CaseActionSchema } from "~/modules/staff/case.schema";
import { getApplicantCase } from "~/modules/cases/cases.server";
import { testDatabases, useMigratedDb } from "../../support/db";
import { actorOf, makeCase, makeUser } from "./fixtures";

const offices = ["taipei", "taichung", "kaohsiung"];
const link = (lang: string, path: string) => `http://localhost/${lang}${path}`;

describe.each(testDatabases())("case commands on %s", (_name, open) => {
  const db = useMigratedDb(open);

  async function setup() {
    const a = await makeUser(db(), { role: "consultant", office: "taipei", name: "Alice" });
    const b = await makeUser(db(), { role: "consultant", office: "taipei", name: "Bob" });
    const applicant = await makeUser(db(), { preferred_lang: "en" });
    const c = await makeCase(db(), { applicant_id: applicant.id, lang: "zh-TW" });
    return { a: actorOf(a), b: actorOf(b), c, applicant };
  }

  it("tells the second of two concurrent editors what changed and overwrites nothing", async () => {
    const { a, b, c } = await setup();
    const [first, second] = await Promise.all([
      changeCase(
        db(),
        a,
        c.id,
        { intent: "status", version: 1, seen: 0, status: "in_review", reason: "Documents complete" },
        offices,
        link
      ),
      new Promise((r) => setTimeout(r, 30)).then(() =>
        changeCase(db(), b, c.id, { intent: "assign", version: 1, seen: 0, assignee: b.actorId }, offices, link)
      ),
    ]);
    expect(first).toEqual({ ok: true });
    expect(second).toMatchObject({ ok: false, reason: "conflict" });
    if (second.ok || second.reason !== "conflict") throw new Error("expected a conflict");
    expect(second.changes.map((e) => e.kind)).toEqual(["status", "note"]);
    expect(second.changes[0]!.data).toEqual({ from: "received", to: "in_review" });
    const row = await db()
      .selectFrom("cases")
      .select(["status", "assignee_id", "version"])
      .where("id", "=", c.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "in_review", assignee_id: null, version: 2 });
    const retry = await changeCase(
      db(),
      b,
      c.id,
      { intent: "assign", version: 2, seen: 0, assignee: b.actorId },
      offices,
      link
    );
    expect(retry).toEqual({ ok: true });
  });

  it("refuses forged fields: another office, a closed case, an unknown assignee or status", async () => {
    const { a, c } = await setup();
    expect(
      await changeCase(
        db(),
        a,
        c.id,
        { intent: "details", version: 1, seen: 0, office: "kaohsiung", vip: "no" },
        offices,
        link
      )
    ).toEqual({ ok: false, reason: "other-office" });
    expect(
      await changeCase(
        db(),
        a,
        c.id,
        { intent: "details", version: 1, seen: 0, office: "mars", vip: "no" },
        offices,
        link
      )
    ).toEqual({ ok: false, reason: "unknown-office" });
    const stranger = "00000000-0000-4000-8000-000000000000";
    expect(
      await changeCase(db(), a, c.id, { intent: "assign", version: 1, seen: 0, assignee: stranger }, offices, link)
    ).toEqual({ ok: false, reason: "unknown-assignee" });
    expect(
      CaseActionSchema.safeParse({ intent: "status", version: "1", status: "deleted", reason: "because" }).success
    ).toBe(false);
    const south = await makeCase(db(), { office: "kaohsiung" });
    expect(
      await changeCase(db(), a, south.id, { intent: "assign", version: 1, seen: 0, assignee: a.actorId }, offices, link)
    ).toEqual({ ok: false, reason: "other-office" });
    expect(
      await changeCase(
        db(),
        a,
        c.id,
        { intent: "status", version: 1, seen: 0, status: "closed", reason: "Answered" },
        offices,
        link
      )
    ).toEqual({ ok: true });
    expect(
      await changeCase(db(), a, c.id, { intent: "assign", version: 2, seen: 0, assignee: a.actorId }, offices, link)
    ).toEqual({ ok: false, reason: "case-closed" });
    expect(await addCaseMessage(db(), a, c.id, { intent: "reply", body: "hi" }, link)).toEqual({
      ok: false,
      reason: "case-closed",
    });
    const audit = await db().selectFrom("audit_log").select("action").orderBy("id").execute();
    expect(audit.map((r) => r.action)).toEqual(["case.status"]);
  });

  it("sends a reply publicly with an email in the case's language and keeps a note internal", async () => {
    const { a, c, applicant } = await setup();
    expect(await addCaseMessage(db(), a, c.id, { intent: "reply", body: "您好，請上傳護照影本。" }, link)).toEqual({
      ok: true,
    });
    expect(await addCaseMessage(db(), a, c.id, { intent: "note", body: "Checked with the NDC" }, link)).toEqual({
      ok: true,
    });
    const events = await db()
      .selectFrom("case_events")
      .select(["kind", "visibility"])
      .where("case_id", "=", c.id)
      .orderBy("id")
      .execute();
    expect(events).toEqual([
      { kind: "message", visibility: "public" },
      { kind: "note", visibility: "internal" },
    ]);
    const mail = await db().selectFrom("outbox").select(["lang", "template"]).execute();
    expect(mail).toEqual([{ lang: "zh-TW", template: "case-message" }]);
    const seen = await getApplicantCase(db(), applicant.id, c.reference);
    expect(seen?.events.map((e) => e.body)).toEqual(["您好，請上傳護照影本。"]);
    const row = await db()
      .selectFrom("cases")
      .select(["first_response_at", "response_due_at"])
      .where("id", "=", c.id)
      .executeTakeFirstOrThrow();
    expect(row.first_response_at).toBeInstanceOf(Date);
    expect(row.response_due_at).toBeNull();
  });

  it("emails the applicant on a status change and an assignment, once each, in the case's language", async () => {
    const { a, b, c } = await setup();
    const status = {
      intent: "status",
      version: 1,
      seen: 0,
      status: "waiting_for_applicant",
      reason: "Need the tax statement",
    } as const;
    expect(await changeCase(db(), a, c.id, status, offices, link)).toEqual({ ok: true });
    // The same form sent twice (double click): already applied, so nothing is written or emailed again.
    expect(await changeCase(db(), a, c.id, status, offices, link)).toEqual({ ok: true });
    expect(
      await changeCase(db(), a, c.id, { intent: "assign", version: 2, seen: 0, assignee: b.actorId }, offices, link)
    ).toEqual({ ok: true });
    expect(
      await changeCase(
        db(),
        a,
        c.id,
        { intent: "details", version: 3, seen: 0, office: "taipei", vip: "yes" },
        offices,
        link
      )
    ).toEqual({ ok: true });
    const mail = await db().selectFrom("outbox").select(["lang", "template", "payload"]).orderBy("id").execute();
    expect(mail.map((m) => [m.lang, m.template])).toEqual([
      ["zh-TW", "case-status"],
      ["zh-TW", "case-assigned"],
    ]);
    expect((mail[0]!.payload as { url: string }).url).toBe(`http://localhost/zh-TW/account/cases/${c.reference}`);
  });

  it("writes and emails a resent reply once (same form token)", async () => {
    const { a, c } = await setup();
    const input = { intent: "reply", body: "Please send the tax statement.", token: "token-0123456789abcdef" } as const;
    const [first, second] = await Promise.all([
      addCaseMessage(db(), a, c.id, input, link),
      addCaseMessage(db(), a, c.id, input, link),
    ]);
    expect([first, second]).toEqual([{ ok: true }, { ok: true }]);
    const events = await db().selectFrom("case_events").select("kind").where("case_id", "=", c.id).execute();
    expect(events).toHaveLength(1);
    expect(await db().selectFrom("outbox").select("template").execute()).toEqual([{ template: "case-message" }]);
  });
});
