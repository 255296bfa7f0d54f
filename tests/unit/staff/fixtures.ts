import { sql, type Insertable, type Kysely } from "kysely";
import type { CasesTable, Database } from "~db/schema";
import type { Actor } from "~/modules/staff/case-commands.server";

let counter = 0;

export async function makeUser(
  db: Kysely<Database>,
  values: Partial<{
    email: string;
    name: string;
    role: "applicant" | "consultant" | "supervisor";
    office: string | null;
    preferred_lang: string;
  }> = {}
) {
  counter += 1;
  return db
    .insertInto("users")
    .values({
      email: values.email ?? `user${counter}-${Date.now()}@example.test`,
      name: values.name ?? `User ${counter}`,
      role: values.role ?? "applicant",
      office: values.office ?? null,
      preferred_lang: values.preferred_lang ?? "en",
    })
    .returning(["id", "email", "role", "office"])
    .executeTakeFirstOrThrow();
}

export async function makeCase(db: Kysely<Database>, values: Partial<Insertable<CasesTable>> = {}) {
  counter += 1;
  const { rows } = await sql<{ n: string }>`select nextval('case_reference_seq') as n`.execute(db);
  return db
    .insertInto("cases")
    .values({
      reference: `TT-2026-${String(rows[0]!.n).padStart(6, "0")}`,
      kind: "consultation",
      lang: "en",
      details: "{}",
      office: "taipei",
      ...values,
    })
    .returning(["id", "reference", "version"])
    .executeTakeFirstOrThrow();
}

export function actorOf(user: { id: string; email: string; role: string; office: string | null }): Actor {
  return {
    actorId: user.id,
    actorEmail: user.email,
    role: user.role as Actor["role"],
    office: user.office,
    ip: "127.0.0.1",
    userAgent: "vitest",
  };
}
