import { randomBytes } from "node:crypto";
import { sql, type Kysely } from "kysely";
import type { Database, UserRole } from "~db/schema";
import { hashPassword } from "~/modules/accounts/crypto.server";

let cachedHash: Promise<string> | undefined;
/** Password of every factory user. */
export const FACTORY_PASSWORD = "correct horse battery staple";

/** Inserts a verified user (the scrypt hash is computed once per test file). */
export async function createUser(
  db: Kysely<Database>,
  overrides: { email?: string; role?: UserRole; lang?: string; verified?: boolean } = {}
) {
  cachedHash ??= hashPassword(FACTORY_PASSWORD);
  return db
    .insertInto("users")
    .values({
      email: overrides.email ?? `user-${randomBytes(4).toString("hex")}@example.test`,
      password_hash: await cachedHash,
      role: overrides.role ?? "applicant",
      preferred_lang: overrides.lang ?? "en",
      email_verified_at: overrides.verified === false ? null : sql<Date>`now()`,
      name: "Test Person",
    })
    .returning(["id", "email", "role", "preferred_lang"])
    .executeTakeFirstOrThrow();
}
