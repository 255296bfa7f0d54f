import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { listCases, PAGE_SIZE } from "~/modules/staff/inbox.server";
import { parseInboxFilters } from "~/modules/staff/inbox.schema";
import { testDatabases, useMigratedDb } from "../../support/db";
import { makeCase, makeUser } from "./fixtures";

const filters = (query: string) => parseInboxFilters(new URLSearchParams(query));

describe.each(testDatabases())("inbox on %s", (_name, open) => {
  const db = useMigratedDb(open);

  async function seed() {
    const me = await makeUser(db(), { role: "consultant", office: "taipei" });
    const other = await makeUser(db(), { role: "consultant", office: "taipei" });
    const zh = await makeUser(db(), { name: "張小明", email: "ming@example.tw", preferred_lang: "zh-TW" });
    await makeCase(db(), { applicant_id: zh.id, assignee_id: me.id, lang: "zh-TW", nationality: "JP", vip: true });
    await makeCase(db(), { assignee_id: other.id, status: "waiting_for_applicant", office: "kaohsiung" });
    await makeCase(db(), { status: "closed", closed_at: new Date() });
    const overdue = await makeCase(db(), { due_at: new Date(Date.now() - 3600_000), subject: "Gold Card renewal" });
    await db()
      .insertInto("case_events")
      .values({
        case_id: overdue.id,
        kind: "message",
        visibility: "public",
        body: "請問就業金卡續期需要什麼文件？",
        data: "{}",
      })
      .execute();
    return { me };
  }

  it("counts every tab and filters by the URL's fields", async () => {
    const { me } = await seed();
    const page = await listCases(db(), filters("tab=open"), me.id);
    expect(page.tabCounts).toEqual({ mine: 1, unassigned: 1, waiting: 1, overdue: 1, open: 3, closed: 1 });
    expect((await listCases(db(), filters("tab=open&office=kaohsiung"), me.id)).cases).toHaveLength(1);
    expect((await listCases(db(), filters("tab=open&office=taipei"), me.id)).tabCounts).toEqual({
      mine: 1,
      unassigned: 1,
      waiting: 0,
      overdue: 1,
      open: 2,
      closed: 1,
    });
    expect((await listCases(db(), filters("tab=open&q=張小明"), me.id)).tabCounts).toEqual({
      mine: 1,
      unassigned: 0,
      waiting: 0,
      overdue: 0,
      open: 1,
      closed: 0,
    });
    expect(
      (await listCases(db(), filters("tab=open&vip=1&nationality=JP"), me.id)).cases.map((c) => c.applicant_name)
    ).toEqual(["張小明"]);
    expect((await listCases(db(), filters("tab=mine&status=bogus"), me.id)).cases).toHaveLength(1);
  });

  it("searches Chinese and Latin text in names, emails, references and messages", async () => {
    const { me } = await seed();
    const names = async (q: string) =>
      (await listCases(db(), filters(`tab=open&q=${encodeURIComponent(q)}`), me.id)).cases.map(
        (c) => c.subject ?? c.applicant_name
      );
    expect(await names("張小明")).toEqual(["張小明"]);
    expect(await names("MING@example")).toEqual(["張小明"]);
    expect(await names("金卡續期")).toEqual(["Gold Card renewal"]);
    expect(await names("gold card")).toEqual(["Gold Card renewal"]);
    expect(await names("100%_")).toEqual([]);
  });

  it("keeps the closed-case counters equal to the cases through inserts, bulk updates, reopening and deletes", async () => {
    const { me } = await seed();
    const drift = async () => {
      const { rows } = await sql<{ office: string | null; kind: string; vip: boolean; difference: string }>`
        select office, kind, vip, sum(n)::text difference from (
          select office, kind, pathway, nationality, lang, vip, assignee_id, 1 n from cases where status = 'closed'
          union all select office, kind, pathway, nationality, lang, vip, assignee_id, -n from closed_case_counts) t
        group by office, kind, pathway, nationality, lang, vip, assignee_id having sum(n) <> 0`.execute(db());
      return rows;
    };
    await sql`insert into cases (reference, kind, lang, office, status, vip, nationality)
      select 'TT-2026-8' || lpad(g::text, 5, '0'), case when g % 2 = 0 then 'consultation' else 'application' end, 'en',
             case when g % 3 = 0 then 'kaohsiung' else 'taipei' end, case when g % 4 = 0 then 'closed' else 'received' end, g % 5 = 0, 'JP'
      from generate_series(1, 40) g`.execute(db());
    expect(await drift()).toEqual([]);
    await db()
      .updateTable("cases")
      .set({ status: "closed" })
      .where("reference", "like", "TT-2026-8%")
      .where("status", "=", "received")
      .execute();
    await db()
      .updateTable("cases")
      .set({ assignee_id: me.id })
      .where("office", "=", "kaohsiung")
      .where("status", "=", "closed")
      .execute();
    await db()
      .updateTable("cases")
      .set({ status: "in_review" })
      .where("vip", "=", true)
      .where("status", "=", "closed")
      .execute();
    expect(await drift()).toEqual([]);
    await db().deleteFrom("case_events").execute();
    await db().deleteFrom("cases").where("nationality", "=", "JP").where("kind", "=", "application").execute();
    expect(await drift()).toEqual([]);
    const closedJp = await db()
      .selectFrom("cases")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("status", "=", "closed")
      .where("nationality", "=", "JP")
      .executeTakeFirstOrThrow();
    const page = await listCases(db(), filters("tab=closed&nationality=JP"), me.id);
    expect(page.tabCounts?.closed).toBe(Number(closedJp.n));
    expect(Number(closedJp.n)).toBeGreaterThan(10);
  });

  it("pages by keyset without skipping or repeating a case", async () => {
    const me = await makeUser(db(), { role: "consultant", office: "taipei" });
    await sql`insert into cases (reference, kind, lang, office, last_activity_at)
      select 'TT-2026-9' || lpad(g::text, 5, '0'), 'application', 'en', 'taipei', now() - (g % 7) * interval '1 minute'
      from generate_series(1, 60) g`.execute(db());
    const seen: string[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const page = await listCases(db(), filters(`tab=open&sort=activity&cursor=${cursor}`), me.id);
      expect(page.cases.length).toBeLessThanOrEqual(PAGE_SIZE);
      seen.push(...page.cases.map((c) => c.reference));
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(60);
    expect(new Set(seen).size).toBe(60);
    const garbage = await listCases(db(), filters("tab=open&cursor=not-a-cursor"), me.id);
    expect(garbage.cases).toHaveLength(PAGE_SIZE);
  });
});
