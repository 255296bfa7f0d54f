import { Migrator } from "kysely";
import { describe, expect, it } from "vitest";
import { migrations } from "~db/migrations";
import { journeyReason, withReturn } from "~/modules/accounts/journey";
import { addApplicantReply, createConsultation } from "~/modules/cases/case-actions.server";
import { consultantWaiting, nextStepKey } from "~/modules/cases/case-status";
import { getApplicantCase, listApplicantCases, markCaseRead } from "~/modules/cases/cases.server";
import { continueJourney } from "~/modules/cases/journey.server";
import { openForApplications } from "~/modules/cases/pathway-open.server";
import { addCaseMessage } from "~/modules/staff/case-messages.server";
import { listCases } from "~/modules/staff/inbox.server";
import { parseInboxFilters } from "~/modules/staff/inbox.schema";
import { testDatabases, useMigratedDb } from "../../support/db";
import { createUser } from "../../support/factories";
import { actorOf } from "../staff/fixtures";

const link = (lang: string, path: string) => `http://test/${lang}${path}`;

describe("journey words and rules (pure)", () => {
  it("reads why the user is asked to sign in from where they were going", () => {
    expect(journeyReason("/ja/account/applications/new?check=abcdefgh12&pathway=gold-card")).toEqual({
      key: "apply",
      pathway: "gold-card",
    });
    expect(journeyReason("/en/contact/new")).toEqual({ key: "consult" });
    expect(journeyReason("/en/account/cases/TT-2026-000001")).toEqual({ key: "case" });
    expect(journeyReason("//evil.example/x")).toBeNull();
    expect(journeyReason(null)).toBeNull();
    expect(withReturn("/en/a?b=c")).toBe("?redirectTo=%2Fen%2Fa%3Fb%3Dc");
  });

  it("says a consultant waits for the applicant when their message is the latest, whatever the status", () => {
    const staffLast = [
      { kind: "message", author_role: "applicant" },
      { kind: "message", author_role: "consultant" },
    ];
    expect(consultantWaiting(staffLast)).toBe(true);
    expect(consultantWaiting([...staffLast, { kind: "message", author_role: "applicant" }])).toBe(false);
    expect(nextStepKey("application", "received", true)).toBe("cases:next.replyWaiting");
    expect(nextStepKey("application", "received", false)).toBe("cases:next.received");
  });

  it("keeps the Global Elite Card (not open) out of applications", () => {
    expect(openForApplications("gold-card", "2026-12-02")).toBe(true);
    expect(openForApplications("global-elite-card", "2026-12-02")).toBe(false);
    expect(openForApplications("mars-card", "2026-12-02")).toBe(false);
  });
});

describe.each(testDatabases())("journey on %s", (_name, open) => {
  const db = useMigratedDb(open);

  it("turns 'start an application from this result' into the linked draft after sign-in, not for a closed pathway", async () => {
    const user = await createUser(db());
    const answers = JSON.stringify({ goldCardField: "science-technology" });
    const result = JSON.stringify({
      asOf: "2026-12-02",
      evaluations: [{ pathway: "gold-card", ruleSetVersion: "gold-card@2026-01-01", outcome: "eligible" }],
    });
    await db()
      .insertInto("eligibility_checks")
      .values({ id: "check-journey-1", lang: "ja", answers, result })
      .execute();
    const to = await continueJourney(
      db(),
      user.id,
      "/ja/account/applications/new?check=check-journey-1&pathway=gold-card"
    );
    expect(to).toMatch(/^\/ja\/account\/applications\/[0-9a-f-]{36}$/);
    const draft = await db().selectFrom("application_drafts").selectAll().executeTakeFirstOrThrow();
    expect(draft).toMatchObject({
      eligibility_check_id: "check-journey-1",
      rules_version: "gold-card@2026-01-01",
      data: { field: "science_technology" },
    });
    const elite = "/ja/account/applications/new?check=check-journey-1&pathway=global-elite-card";
    expect(await continueJourney(db(), user.id, elite)).toBe(elite);
    expect(await continueJourney(db(), user.id, "/ja/account/cases")).toBe("/ja/account/cases");
    expect(await db().selectFrom("application_drafts").select("id").execute()).toHaveLength(1);
  });

  it("finds a case by the applicant's own question and marks staff replies unread until the applicant looks", async () => {
    const applicant = await createUser(db());
    const staff = await createUser(db(), { role: "consultant" });
    await db().updateTable("users").set({ office: "taipei", name: "Consultant" }).where("id", "=", staff.id).execute();
    const input = {
      topic: "tax",
      question: "Do I pay the Hsinchu levy twice?",
      lang: "ja",
      office: "any",
      channel: "email",
      submissionToken: "token-bbbbbbbbbbbbbbbb",
    } as const;
    const opened = await createConsultation(db(), applicant, input, link);
    const found = await listCases(db(), parseInboxFilters(new URLSearchParams("tab=open&q=levy twice")), staff.id);
    expect(found.cases.map((c) => c.reference)).toEqual([opened.reference]);
    expect(found.cases[0]).toMatchObject({ office: "taipei" });

    const actor = actorOf({ id: staff.id, email: staff.email, role: "consultant", office: "taipei" });
    await addCaseMessage(db(), actor, opened.id, { intent: "reply", body: "Please send the tax statement." }, link);
    const unread = async () => (await listApplicantCases(db(), applicant.id)).map((c) => c.unread);
    expect(await unread()).toEqual([true]);
    const seen = await getApplicantCase(db(), applicant.id, opened.reference);
    await markCaseRead(db(), opened.id, applicant.id, seen!.events.at(-1)!.id);
    expect(await unread()).toEqual([false]);
    await addApplicantReply(db(), applicant, opened.reference, { body: "Here it is." }, []);
    expect(await unread()).toEqual([false]);
  });

  it("migrates down and up again (20261202T0700_case-journey)", async () => {
    const migrator = new Migrator({ db: db(), provider: { getMigrations: async () => migrations } });
    const down = await migrator.migrateTo("20261201T0300_inbox-scale");
    expect(down.error).toBeUndefined();
    expect(down.results?.map((r) => [r.migrationName, r.direction])).toContainEqual([
      "20261202T0700_case-journey",
      "Down",
    ]);
    const up = await migrator.migrateToLatest();
    expect(up.error).toBeUndefined();
  });
});
