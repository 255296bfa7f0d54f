/*
 * `npm run staff:create -- --email a@b.tw --name "Name" --role consultant|supervisor --office taipei`
 *   creates a staff account with a random password, TOTP secret and recovery codes and prints them once.
 * `npm run staff:totp [-- --email a@b.tw]` prints the current TOTP code (not in production; demo secret by default).
 * Uses DATABASE_URL, or the embedded database in PGLITE_DIR (stop the server first: one process per PGlite directory).
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { createDb } from "~db/client";
import { migrateToLatest } from "~db/migrate";
import { DEMO_TOTP_SECRET } from "~db/seeds/staff";
import { getEnv } from "~/lib/env.server";
import { createStaff } from "~/modules/staff/staff-auth.server";
import { totpNow } from "~/modules/staff/totp.server";
import { openTotpSecret } from "~/modules/staff/totp-secrets.server";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string" }, office: { type: "string" } },
});
const env = getEnv();
const handle = await createDb({ url: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
try {
  await migrateToLatest(handle.db);
  if (positionals[0] === "totp") {
    if (env.NODE_ENV === "production") throw new Error("staff:totp is for development only");
    const row = values.email
      ? await handle.db.selectFrom("staff_credentials").innerJoin("users", "users.id", "staff_credentials.user_id").select(["user_id", "totp_secret"]).where("users.email", "=", values.email.toLowerCase()).executeTakeFirst()
      : undefined;
    if (values.email && !row) throw new Error("no such staff member");
    console.log(totpNow(row ? openTotpSecret(row.user_id, row.totp_secret).secret : DEMO_TOTP_SECRET));
  } else {
    const role = values.role === "supervisor" ? "supervisor" : "consultant";
    if (!values.email || !values.name || !values.office) throw new Error("--email, --name and --office are required");
    const password = randomBytes(12).toString("base64url");
    const created = await createStaff(handle.db, { email: values.email, name: values.name, role, office: values.office, password });
    console.log(`Created ${role} ${values.email}\nPassword: ${password}\nTOTP secret: ${created.secret}\n${created.otpauth}`);
    console.log(`Recovery codes (each works once; shown only now):\n  ${created.recoveryCodes.join("\n  ")}`);
  }
} finally {
  await handle.close();
}
