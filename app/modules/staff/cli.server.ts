/*
 * `npm run staff:create -- --email a@b.tw --name "Name" --role consultant|supervisor --office taipei`
 *   creates a staff account with a random password, TOTP secret and recovery codes and prints them once.
 * `npm run staff:totp [-- --email a@b.tw]` prints the current TOTP code (demo only; demo secret by default).
 * `npm run staff:recover -- --email boss@b.tw` when every supervisor is locked out: clears that supervisor's lock-outs,
 *   prints a new TOTP secret and recovery codes (their password stays), ends their sessions; audited.
 * Uses DATABASE_URL, or the embedded database in PGLITE_DIR (stop the server first: one process per PGlite directory).
 */
import { randomBytes } from "node:crypto";
import { userInfo } from "node:os";
import { parseArgs } from "node:util";
import { createDb } from "~db/client";
import { migrateToLatest } from "~db/migrate";
import { DEMO_TOTP_SECRET } from "~db/seeds/staff";
import { getEnv } from "~/lib/env.server";
import { createStaff } from "~/modules/staff/staff-auth.server";
import { recoverSupervisor } from "~/modules/staff/team.server";
import { totpNow } from "~/modules/staff/totp.server";
import { openTotpSecret } from "~/modules/staff/totp-secrets.server";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    email: { type: "string" },
    name: { type: "string" },
    role: { type: "string" },
    office: { type: "string" },
  },
});
const env = getEnv();
const handle = await createDb({ url: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
try {
  await migrateToLatest(handle.db);
  if (positionals[0] === "totp") {
    if (!env.demo) throw new Error("staff:totp is for the demo only");
    const row = values.email
      ? await handle.db
          .selectFrom("staff_credentials")
          .innerJoin("users", "users.id", "staff_credentials.user_id")
          .select(["user_id", "totp_secret"])
          .where("users.email", "=", values.email.toLowerCase())
          .executeTakeFirst()
      : undefined;
    if (values.email && !row) throw new Error("no such staff member");
    console.log(totpNow(row ? openTotpSecret(row.user_id, row.totp_secret).secret : DEMO_TOTP_SECRET));
  } else if (positionals[0] === "recover") {
    if (!values.email) throw new Error("--email of a supervisor is required");
    const result = await recoverSupervisor(handle.db, values.email, userInfo().username);
    if (!result.ok) throw new Error("no active supervisor with that email");
    const { secret, otpauth, recoveryCodes } = result.enrolment;
    console.log(`Re-enabled supervisor ${values.email}: lock-outs cleared, sessions ended, password unchanged.`);
    console.log(
      `New TOTP secret: ${secret}\n${otpauth}\nRecovery codes (each works once; shown only now):\n  ${recoveryCodes.join(
        "\n  "
      )}`
    );
  } else {
    const role = values.role === "supervisor" ? "supervisor" : "consultant";
    if (!values.email || !values.name || !values.office) throw new Error("--email, --name and --office are required");
    const password = randomBytes(12).toString("base64url");
    const created = await createStaff(handle.db, {
      email: values.email,
      name: values.name,
      role,
      office: values.office,
      password,
    });
    console.log(
      `Created ${role} ${values.email}\nPassword: ${password}\nTOTP secret: ${created.secret}\n${created.otpauth}`
    );
    console.log(`Recovery codes (each works once; shown only now):\n  ${created.recoveryCodes.join("\n  ")}`);
  }
} finally {
  await handle.close();
}
