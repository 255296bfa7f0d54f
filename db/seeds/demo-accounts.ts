import { sql, type Kysely } from "kysely";
import { hashPassword } from "../password";
import type { Database, UserRole } from "../schema";

/** Demo sign-ins, documented in the README under "Demo accounts". Never seeded in production. */
export const DEMO_PASSWORD = "demo-password-123";
const PEOPLE: { email: string; role: UserRole; name: string; lang: string }[] = [
  { email: "applicant@demo.test", role: "applicant", name: "Alex Demo", lang: "en" },
  { email: "consultant@demo.test", role: "consultant", name: "Consultant Demo", lang: "zh-TW" },
  { email: "admin@demo.test", role: "supervisor", name: "Supervisor Demo", lang: "en" },
];

async function upsertPeople(db: Kysely<Database>): Promise<Record<string, string>> {
  const hash = await hashPassword(DEMO_PASSWORD);
  const ids: Record<string, string> = {};
  for (const p of PEOPLE) {
    await db
      .insertInto("users")
      .values({
        email: p.email,
        role: p.role,
        name: p.name,
        preferred_lang: p.lang,
        password_hash: hash,
        email_verified_at: sql<Date>`now()`,
        consent_at: sql<Date>`now()`,
        consent_version: "demo",
      })
      .onConflict((oc) => oc.column("email").doNothing())
      .execute();
    ids[p.role] = (await db.selectFrom("users").select("id").where("email", "=", p.email).executeTakeFirstOrThrow()).id;
  }
  return ids;
}

type DemoCase = {
  token: string;
  kind: "consultation" | "application";
  pathway: string | null;
  status: "received" | "waiting_for_applicant" | "closed";
  subject: string;
  details: object;
  message?: string;
};
const CASES: DemoCase[] = [
  {
    token: "demo-case-consultation-open",
    kind: "consultation",
    pathway: null,
    status: "received",
    subject: "family",
    details: { question: "Can my spouse work in Taiwan if I hold a Gold Card?" },
  },
  {
    token: "demo-case-application-waiting",
    kind: "application",
    pathway: "gold-card",
    status: "waiting_for_applicant",
    subject: "gold-card",
    details: {
      fullName: "DEMO Alex",
      nationality: "CA",
      passportNumber: "DEMO12345",
      dateOfBirth: "1990-01-01",
      preferredLang: "en",
      field: "economy",
      qualification: "Salary route (demo data)",
    },
    message: "Thank you for your application. Please upload a colour scan of your passport's photo page.",
  },
  {
    token: "demo-case-consultation-closed",
    kind: "consultation",
    pathway: null,
    status: "closed",
    subject: "tax",
    details: { question: "Which tax relief applies to me? (demo)" },
    message: "We answered your question by email (demo).",
  },
];

async function insertCase(db: Kysely<Database>, c: DemoCase, ids: Record<string, string>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ n: string }>`select nextval('case_reference_seq')::text as n`.execute(trx);
    const reference = `TT-2026-${rows[0]!.n.padStart(6, "0")}`;
    const created = await trx
      .insertInto("cases")
      .values({
        reference,
        kind: c.kind,
        pathway: c.pathway,
        status: c.status,
        subject: c.subject,
        details: JSON.stringify(c.details),
        applicant_id: ids.applicant!,
        assignee_id: c.status === "received" ? null : ids.consultant!,
        lang: "en",
        office: "taipei",
        submission_token: c.token,
        waiting_since: c.status === "waiting_for_applicant" ? sql<Date>`now()` : null,
        closed_at: c.status === "closed" ? sql<Date>`now()` : null,
      })
      .onConflict((oc) => oc.column("submission_token").doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!created) return;
    const event = (
      kind: "created" | "status" | "message" | "note",
      values: { body?: string; data?: object; internal?: boolean; author?: string }
    ) =>
      trx
        .insertInto("case_events")
        .values({
          case_id: created.id,
          kind,
          visibility: values.internal ? "internal" : "public",
          author_id: values.author ?? ids.applicant!,
          body: values.body ?? null,
          data: JSON.stringify(values.data ?? {}),
        })
        .execute();
    await event("created", {});
    if (c.status === "received") return;
    await event("status", { data: { from: "received", to: c.status }, author: ids.consultant });
    await event("note", {
      body: "Internal note: demo data, never shown to the applicant.",
      internal: true,
      author: ids.consultant,
    });
    if (c.message) await event("message", { body: c.message, author: ids.consultant });
  });
}

/** Demo applicant, consultant and supervisor with a few cases in different states (idempotent). */
export async function seedDemoAccounts(db: Kysely<Database>, options: { demo: boolean }): Promise<void> {
  if (!options.demo) return;
  const ids = await upsertPeople(db);
  for (const c of CASES) await insertCase(db, c, ids);
}
