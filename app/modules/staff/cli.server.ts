/*
 * `npm run staff:create -- --email a@b.tw --name "Name" --role consultant|supervisor --office taipei`
 *   creates a staff account with a random password and TOTP secret and prints both once.
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
      ? await handle.db.selectFrom("staff_credentials").innerJoin("users", "users.id", "staff_credentials.user_id").select("totp_secret").where("users.email", "=", values.email.toLowerCase()).executeTakeFirst()
      : { totp_secret: DEMO_TOTP_SECRET };
    if (!row) throw new Error("no such staff member");
    console.log(totpNow(row.totp_secret));
  } else {
    const role = values.role === "supervisor" ? "supervisor" : "consultant";
    if (!values.email || !values.name || !values.office) throw new Error("--email, --name and --office are required");
    const password = randomBytes(12).toString("base64url");
    const created = await createStaff(handle.db, { email: values.email, name: values.name, role, office: values.office, password });
    console.log(`Created ${role} ${values.email}\nPassword: ${password}\nTOTP secret: ${created.secret}\n${created.otpauth}`);
  }
} finally {
  await handle.close();
}
