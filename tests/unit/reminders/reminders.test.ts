import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { renderEmail } from "~/modules/notifications/mail.server";
import { deliverDue, type LinkTo } from "~/modules/notifications/outbox.server";
import { calendarFor } from "../../support/reminders";
import { drainDueReminders, sendDueReminders } from "~/modules/reminders/delivery.server";
import {
  deleteDocument,
  getDocument,
  listDocuments,
  resumeReminders,
  saveDocument,
} from "~/modules/reminders/documents.server";
import type { DocumentForm } from "~/modules/reminders/reminder.schema";
import { unsubscribe, unsubscribeTarget } from "~/modules/reminders/unsubscribe.server";
import { testDatabases, useMigratedDb } from "../../support/db";
import { createUser } from "../../support/factories";
import { secondPostgresHandle } from "../../support/second-db";

const link: LinkTo = (lang, path) => `http://portal.test/${lang}${path}`;
const at = (iso: string) => new Date(iso);
const passport = (over: Partial<DocumentForm> = {}): DocumentForm => ({
  kind: "passport",
  holder: "self",
  expiresOn: "2027-03-10",
  ownUnit: "days",
  remindOn: "2027-03-02",
  ...over,
});
const tokenOf = (url: unknown) => new URL(String(url)).searchParams.get("token")!;

describe.each(testDatabases())("expiry reminders on %s", (name, open) => {
  const db = useMigratedDb(open);

  it("fires on its day in Taipei time, not before, and only once", async () => {
    const user = await createUser(db(), { lang: "zh-TW" });
    await saveDocument(db(), user.id, passport());
    expect(await sendDueReminders(db(), { now: at("2027-03-01T15:59:59Z"), link })).toBe(0);
    expect(await sendDueReminders(db(), { now: at("2027-03-01T16:00:00Z"), link })).toBe(1);
    expect(await sendDueReminders(db(), { now: at("2027-03-05T00:00:00Z"), link })).toBe(0);
    const mails = await db().selectFrom("outbox").selectAll().execute();
    expect(mails).toHaveLength(1);
    const rendered = await renderEmail(mails[0]!);
    expect(rendered.subject).toBe("提醒：護照將於 2027年3月10日 到期");
    expect(rendered.text).toContain("這是您設定的提醒。");
    expect(rendered.links.map((l) => l.label)).toEqual(["加入您的行事曆", "停止這些提醒（不需要登入）"]);
    expect(rendered.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(rendered.headers["List-Unsubscribe"]).toMatch(
      /^<http:\/\/portal\.test\/zh-TW\/reminders\/unsubscribe\?token=[\w-]{43}>$/
    );
    const [doc] = await listDocuments(db(), user.id);
    expect(doc!.reminders).toMatchObject([{ status: "sent", dueOn: "2027-03-02" }]);
    // Only the token's hash is stored; sending drops the link that carries it.
    const stored = await db().selectFrom("reminder_unsubscribe_tokens").select("token_hash").executeTakeFirstOrThrow();
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.token_hash).not.toBe(tokenOf(mails[0]!.payload.unsubscribeUrl));
    await deliverDue(db(), "w", async () => undefined);
    expect((await db().selectFrom("outbox").select("payload").executeTakeFirstOrThrow()).payload).not.toHaveProperty(
      "unsubscribeUrl"
    );
  });

  it("cites the Gold Card extension window 4 months before expiry in the e-mail", async () => {
    const user = await createUser(db());
    await saveDocument(db(), user.id, passport({ kind: "gold-card", expiresOn: "2027-07-31", remindOn: undefined }));
    const [doc] = await listDocuments(db(), user.id);
    expect(doc!.reminders.map((r) => [r.sourcePoint, r.dueOn])).toEqual([["gold-card-extension-window", "2027-03-31"]]);
    expect(await sendDueReminders(db(), { now: at("2027-03-30T16:00:00Z"), link })).toBe(1);
    const mail = await renderEmail(await db().selectFrom("outbox").selectAll().executeTakeFirstOrThrow());
    expect(mail.text).toContain("Gold Card extension window opens");
    expect(mail.text).toContain("https://goldcard.nat.gov.tw/en/subtags/validity-extension-validity-extension/");
    expect(mail.text).toContain("in force since October 25, 2021");
  });

  it("never sends a point twice when two processes claim at once", async () => {
    const other = await secondPostgresHandle(db());
    try {
      for (let i = 0; i < 30; i++) await saveDocument(db(), (await createUser(db())).id, passport());
      const run = (handle = db()) => drainDueReminders(handle, { now: at("2027-03-02T01:00:00Z"), link, limit: 4 });
      const counts = await Promise.all([run(), run(other?.db), run(), run(other?.db)]);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(30);
      const { rows } = await sql<{
        n: number;
        users: number;
      }>`select count(*)::int as n, count(distinct user_id)::int as users from outbox`.execute(db());
      expect(rows[0]).toEqual({ n: 30, users: 30 });
      if (name === "postgres") expect(counts.filter((n) => n > 0).length).toBeGreaterThan(1);
    } finally {
      await other?.close();
    }
  });

  it("is resumable: a batch that fails midway leaves nothing behind and the rerun sends each point once", async () => {
    for (let i = 0; i < 5; i++)
      await saveDocument(
        db(),
        (
          await createUser(db(), { email: i === 3 ? "boom@example.test" : undefined })
        ).id,
        passport()
      );
    await sql`create function outbox_boom() returns trigger language plpgsql as $$
      begin
        if new.to_address = 'boom@example.test' then raise exception 'process killed'; end if;
        return new;
      end $$`.execute(db());
    await sql`create trigger outbox_boom before insert on outbox for each row execute function outbox_boom()`.execute(
      db()
    );
    const now = at("2027-03-02T01:00:00Z");
    await expect(sendDueReminders(db(), { now, link, limit: 10 })).rejects.toThrow(/process killed/);
    expect(await db().selectFrom("outbox").select("id").execute()).toEqual([]);
    expect(await db().selectFrom("reminder_unsubscribe_tokens").select("token_hash").execute()).toEqual([]);
    await sql`drop trigger outbox_boom on outbox`.execute(db());
    await sql`drop function outbox_boom()`.execute(db());
    expect(await drainDueReminders(db(), { now, link, limit: 2 })).toBe(5);
    expect(await drainDueReminders(db(), { now, link, limit: 2 })).toBe(0);
    expect((await db().selectFrom("outbox").select("to_address").execute()).length).toBe(5);
  });

  it("sends nothing after unsubscribing; a reused or unknown token is refused and changes nothing", async () => {
    const user = await createUser(db());
    await saveDocument(db(), user.id, passport({ ownAmount: 2, remindOn: "2027-03-02" }));
    await sendDueReminders(db(), { now: at("2027-03-02T01:00:00Z"), link });
    const token = tokenOf(
      (await db().selectFrom("outbox").select("payload").executeTakeFirstOrThrow()).payload.unsubscribeUrl
    );
    expect(await unsubscribeTarget(db(), token)).toMatchObject({ state: "live", kind: "passport" });
    expect(await unsubscribe(db(), token)).toEqual({ ok: true });
    const off = await getDocument(db(), user.id, (await listDocuments(db(), user.id))[0]!.id);
    expect(off!.remindersOffAt).not.toBeNull();
    expect(await sendDueReminders(db(), { now: at("2027-03-09T01:00:00Z"), link })).toBe(0);
    const before = await db().selectFrom("expiring_documents").selectAll().execute();
    expect(await unsubscribe(db(), token)).toEqual({ ok: false, reason: "used" });
    expect(await unsubscribe(db(), "x".repeat(43))).toEqual({ ok: false, reason: "unknown" });
    expect(await unsubscribe(db(), "not a token")).toEqual({ ok: false, reason: "unknown" });
    expect(await db().selectFrom("expiring_documents").selectAll().execute()).toEqual(before);
    expect(await resumeReminders(db(), user.id, off!.id)).toBe(true);
    expect(await sendDueReminders(db(), { now: at("2027-03-09T01:00:00Z"), link })).toBe(1);
  });

  it("refuses another account's or a malformed document id and changes nothing", async () => {
    const owner = await createUser(db());
    const intruder = await createUser(db());
    const saved = await saveDocument(db(), owner.id, passport());
    if (!saved.ok) throw new Error("not saved");
    const before = await db().selectFrom("expiring_documents").selectAll().execute();
    expect(await saveDocument(db(), intruder.id, passport({ expiresOn: "2030-01-01" }), saved.id)).toEqual({
      ok: false,
      reason: "not-found",
    });
    expect(await saveDocument(db(), intruder.id, passport(), "../../etc")).toEqual({ ok: false, reason: "not-found" });
    expect(await deleteDocument(db(), intruder.id, saved.id)).toBe(false);
    expect(await resumeReminders(db(), intruder.id, saved.id)).toBe(false);
    expect(await getDocument(db(), intruder.id, saved.id)).toBeUndefined();
    expect(await getDocument(db(), owner.id, "not-a-uuid")).toBeUndefined();
    expect(await db().selectFrom("expiring_documents").selectAll().execute()).toEqual(before);
    expect(await deleteDocument(db(), owner.id, saved.id)).toBe(true);
    expect(await db().selectFrom("document_reminders").select("id").execute()).toEqual([]);
  });

  it("re-plans pending points on a change and never queues a sent point again", async () => {
    const user = await createUser(db());
    const saved = await saveDocument(db(), user.id, passport());
    if (!saved.ok) throw new Error("not saved");
    await sendDueReminders(db(), { now: at("2027-03-02T01:00:00Z"), link });
    await saveDocument(
      db(),
      user.id,
      passport({ holder: "family", holderName: "Lee, Mei", remindOn: "2027-03-02", ownAmount: 1, ownUnit: "weeks" }),
      saved.id
    );
    const doc = await getDocument(db(), user.id, saved.id);
    expect(doc).toMatchObject({ holderName: "Lee, Mei", remindDaysBefore: 7 });
    expect(doc!.reminders.map((r) => [r.dueOn, r.status])).toEqual([
      ["2027-03-02", "sent"],
      ["2027-03-03", "pending"],
    ]);
    expect(await drainDueReminders(db(), { now: at("2027-03-03T01:00:00Z"), link })).toBe(1);
    const ics = await calendarFor(doc!, "en");
    expect(ics).toContain("SUMMARY;LANGUAGE=en:Passport of Lee\\, Mei expires");
  });
});
