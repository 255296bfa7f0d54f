import { describe, expect, it } from "vitest";
import { addApplicantReply, answerSatisfaction, createConsultation } from "~/modules/cases/case-actions.server";
import { getApplicantCase, listApplicantCases } from "~/modules/cases/cases.server";
import { getReadableDocument } from "~/modules/cases/documents.server";
import { getDraft, saveDraft, startDraft, submitDraft } from "~/modules/cases/drafts.server";
import { testDatabases, useMigratedDb } from "../../support/db";
import { createUser } from "../../support/factories";

const link = (lang: string, path: string) => `http://test/${lang}${path}`;
const complete = {
  fullName: "CHEN Mei-Lin",
  nationality: "CA" as const,
  passportNumber: "ab1234567",
  dateOfBirth: "1990-04-02",
  preferredLang: "zh-TW" as const,
  qualification: "Monthly salary above the threshold for three years",
  field: "economy" as const,
};
const pdf = {
  ok: true as const,
  bytes: new TextEncoder().encode("%PDF-1.7 test"),
  mime: "application/pdf" as const,
  name: "cv.pdf",
};

describe.each(testDatabases())("cases on %s", (_name, open) => {
  const db = useMigratedDb(open);

  it("snapshots the eligibility check and submits a draft once, even when two submits race", async () => {
    const user = await createUser(db());
    const result = {
      asOf: "2026-11-25",
      evaluations: [
        {
          pathway: "gold-card",
          ruleSetVersion: "gold-card@2026-01-01",
          outcome: "eligible",
          criteria: [],
          missingFacts: [],
        },
      ],
    };
    await db()
      .insertInto("eligibility_checks")
      .values({
        id: "check-123456",
        lang: "en",
        answers: JSON.stringify({ salary: 200000 }),
        result: JSON.stringify(result),
      })
      .execute();
    const id = await startDraft(db(), user.id, { pathway: "gold-card", checkId: "check-123456" });
    expect(await startDraft(db(), user.id, { pathway: "gold-card", checkId: "check-123456" })).toBe(id);
    expect(await submitDraft(db(), user, id, link)).toEqual({ ok: false, reason: "incomplete" });
    expect(await saveDraft(db(), user.id, id, complete)).toBe(true);
    const [a, b] = await Promise.all([submitDraft(db(), user, id, link), submitDraft(db(), user, id, link)]);
    expect(a).toMatchObject({ ok: true, reference: expect.stringMatching(/^TT-\d{4}-\d{6}$/) });
    expect(b).toEqual(a);
    expect(await submitDraft(db(), user, id, link)).toEqual(a);
    const cases = await db().selectFrom("cases").selectAll().execute();
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({
      kind: "application",
      pathway: "gold-card",
      rules_version: "gold-card@2026-01-01",
      lang: "zh-TW",
      status: "received",
    });
    expect(cases[0]!.eligibility_snapshot).toMatchObject({
      asOf: "2026-11-25",
      answers: { salary: 200000 },
      evaluation: { outcome: "eligible" },
    });
    expect((cases[0]!.details as { passportNumber: string }).passportNumber).toBe("AB1234567");
    const mails = await db().selectFrom("outbox").select(["template", "lang"]).execute();
    // The language chosen on the application form, not the account's (issue 12).
    expect(mails).toEqual([{ template: "case-received", lang: "zh-TW" }]);
    // The passport name and the routing rule's office (no office chosen: the head office).
    expect(cases[0]).toMatchObject({ applicant_name: complete.fullName, office: "taipei" });
    expect(await saveDraft(db(), user.id, id, {})).toBe(false);
  });

  it("keeps each applicant to their own cases, drafts and documents", async () => {
    const owner = await createUser(db());
    const other = await createUser(db());
    const staff = await createUser(db(), { role: "consultant" });
    const opened = await createConsultation(
      db(),
      owner,
      {
        topic: "visa",
        question: "How long?",
        lang: "en",
        office: "any",
        channel: "email",
        submissionToken: "token-aaaaaaaaaaaaaaaa",
      },
      link
    );
    const again = await createConsultation(
      db(),
      owner,
      {
        topic: "visa",
        question: "How long?",
        lang: "en",
        office: "any",
        channel: "email",
        submissionToken: "token-aaaaaaaaaaaaaaaa",
      },
      link
    );
    expect(again.reference).toBe(opened.reference);
    expect(await getApplicantCase(db(), other.id, opened.reference)).toBeUndefined();
    expect(await listApplicantCases(db(), other.id)).toEqual([]);
    expect(await addApplicantReply(db(), other, opened.reference, { body: "hi" }, [])).toEqual({
      ok: false,
      reason: "not-found",
    });
    expect(await addApplicantReply(db(), owner, opened.reference, { body: "Here is my CV" }, [pdf])).toEqual({
      ok: true,
    });
    const mine = await getApplicantCase(db(), owner.id, opened.reference);
    expect(mine?.documents).toHaveLength(1);
    const docId = mine!.documents[0]!.id;
    expect(await getReadableDocument(db(), other, docId)).toBeUndefined();
    expect((await getReadableDocument(db(), owner, docId))?.filename).toBe("cv.pdf");
    expect((await getReadableDocument(db(), staff, docId))?.mime).toBe("application/pdf");
    const draft = await startDraft(db(), owner.id, { pathway: "digital-nomad" });
    expect(await getDraft(db(), other.id, draft)).toBeUndefined();
    expect(await saveDraft(db(), other.id, draft, complete)).toBe(false);
  });

  it("hides internal notes and their files from the applicant, and resumes review on reply", async () => {
    const owner = await createUser(db());
    const staff = await createUser(db(), { role: "consultant" });
    const c = await createConsultation(
      db(),
      owner,
      {
        topic: "tax",
        question: "Q",
        lang: "en",
        office: "taipei",
        channel: "email",
        submissionToken: "token-bbbbbbbbbbbbbbbb",
      },
      link
    );
    const note = await db()
      .insertInto("case_events")
      .values({
        case_id: c.id,
        kind: "note",
        visibility: "internal",
        author_id: staff.id,
        body: "internal only",
        data: "{}",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db()
      .insertInto("documents")
      .values({
        owner_id: staff.id,
        case_id: c.id,
        case_event_id: String(note.id),
        filename: "n.pdf",
        mime: "application/pdf",
        size: 3,
        sha256: "x",
        content: new Uint8Array([1, 2, 3]),
      })
      .execute();
    await db().updateTable("cases").set({ status: "waiting_for_applicant" }).where("id", "=", c.id).execute();
    const seen = await getApplicantCase(db(), owner.id, c.reference);
    expect(seen?.events.map((e) => e.body)).not.toContain("internal only");
    expect(seen?.documents).toEqual([]);
    await addApplicantReply(db(), owner, c.reference, { body: "Done" }, []);
    const after = await db()
      .selectFrom("cases")
      .select(["status", "version"])
      .where("id", "=", c.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ status: "in_review", version: 2 });
  });

  it("takes one satisfaction answer, only once the case is resolved", async () => {
    const owner = await createUser(db());
    const c = await createConsultation(
      db(),
      owner,
      {
        topic: "work",
        question: "Q",
        lang: "en",
        office: "any",
        channel: "video",
        submissionToken: "token-cccccccccccccccc",
      },
      link
    );
    expect(await answerSatisfaction(db(), owner, c.reference, { answer: "yes" })).toEqual({
      ok: false,
      reason: "not-yet",
    });
    await db().updateTable("cases").set({ status: "closed" }).where("id", "=", c.id).execute();
    expect(await answerSatisfaction(db(), owner, c.reference, { answer: "partly" })).toEqual({ ok: true });
    expect(await answerSatisfaction(db(), owner, c.reference, { answer: "yes" })).toEqual({
      ok: false,
      reason: "already-answered",
    });
    expect(await addApplicantReply(db(), owner, c.reference, { body: "late" }, [])).toEqual({
      ok: false,
      reason: "closed",
    });
  });
});
