import { sql } from "kysely";
import { describe, expect, it, vi } from "vitest";
import { deriveKey } from "~/lib/security/secret.server";
import { createStaff, verifyStaffPassword, verifyStaffTotp } from "~/modules/staff/staff-auth.server";
import { recoverSupervisor } from "~/modules/staff/team.server";
import { totpNow } from "~/modules/staff/totp.server";
import { openTotpSecret, sealLegacyTotpSecrets, sealTotpSecret } from "~/modules/staff/totp-secrets.server";
import { testDatabases, useMigratedDb } from "../../support/db";

const NEW = "rotation-new-secret-0123456789abcdef";
const OLD = "rotation-old-secret-0123456789abcdef";
vi.stubEnv("SESSION_SECRET", `${NEW},${OLD}`);

const totpKeyOf = (secret: string) => deriveKey("staff-totp-secret/v1", secret);
const PASSWORD = "a-long-password-123";

describe.each(testDatabases())("key rotation and lock-out recovery on %s", (_name, openDb) => {
  const db = useMigratedDb(openDb);
  const newStaff = (email: string, role: "consultant" | "supervisor" = "supervisor") =>
    createStaff(db(), { email, name: email, role, office: "taipei", password: PASSWORD });
  const stored = async (userId: string) =>
    (
      await db()
        .selectFrom("staff_credentials")
        .select("totp_secret")
        .where("user_id", "=", userId)
        .executeTakeFirstOrThrow()
    ).totp_secret;
  const storeUnder = (userId: string, secret: string, serverSecret: string) =>
    db()
      .updateTable("staff_credentials")
      .set({ totp_secret: sealTotpSecret(userId, secret, [totpKeyOf(serverSecret)]) })
      .where("user_id", "=", userId)
      .execute();

  it("opens a TOTP secret sealed under the old secret and seals it again under the new one on use", async () => {
    const staff = await newStaff("rotate@example.test");
    expect(openTotpSecret(staff.userId, await stored(staff.userId), [totpKeyOf(NEW)]).secret).toBe(staff.secret);
    await storeUnder(staff.userId, staff.secret, OLD);
    expect(openTotpSecret(staff.userId, await stored(staff.userId))).toEqual({ secret: staff.secret, legacy: true });
    expect(await verifyStaffTotp(db(), staff.userId, totpNow(staff.secret))).toEqual({ ok: true });
    expect(openTotpSecret(staff.userId, await stored(staff.userId), [totpKeyOf(NEW)])).toEqual({
      secret: staff.secret,
      legacy: false,
    });
  });

  it("re-seals old-key rows at start-up and leaves rows no key of the ring opens", async () => {
    const a = await newStaff("a@example.test");
    const b = await newStaff("b@example.test");
    await storeUnder(a.userId, a.secret, OLD);
    await storeUnder(b.userId, b.secret, "a-secret-no-longer-in-the-ring-000000");
    const unreadable = await stored(b.userId);
    expect(await sealLegacyTotpSecrets(db())).toBe(1);
    expect(openTotpSecret(a.userId, await stored(a.userId), [totpKeyOf(NEW)]).secret).toBe(a.secret);
    expect(await stored(b.userId)).toBe(unreadable);
    expect(await sealLegacyTotpSecrets(db())).toBe(0);
    expect(await verifyStaffTotp(db(), b.userId, totpNow(b.secret))).toEqual({ ok: false, reason: "unreadable" });
  });

  it("staff:recover re-enables a locked-out supervisor: lock-outs cleared, new authenticator and codes, audited", async () => {
    const boss = await newStaff("Boss@Example.test");
    const consultant = await newStaff("c@example.test", "consultant");
    const until = sql<Date>`now() + interval '15 minutes'`;
    for (const key of ["account:boss@example.test", `totp:${boss.userId}`]) {
      await db().insertInto("login_attempts").values({ key, failures: 5, locked_until: until }).execute();
    }
    await db().insertInto("sessions").values({ id_hash: "h-boss", user_id: boss.userId, expires_at: until }).execute();
    expect(await verifyStaffPassword(db(), { email: "boss@example.test", password: PASSWORD, ip: "10.0.0.1" })).toEqual(
      { ok: false, reason: "locked" }
    );
    expect(await recoverSupervisor(db(), "c@example.test", "ops")).toEqual({ ok: false });
    expect(await recoverSupervisor(db(), "nobody@example.test", "ops")).toEqual({ ok: false });

    const result = await recoverSupervisor(db(), " BOSS@example.test ", "ops");
    if (!result.ok) throw new Error("recovery refused");
    expect(result.enrolment.recoveryCodes).toHaveLength(10);
    expect(await verifyStaffPassword(db(), { email: "boss@example.test", password: PASSWORD, ip: "10.0.0.1" })).toEqual(
      { ok: true, userId: boss.userId }
    );
    expect(await verifyStaffTotp(db(), boss.userId, totpNow(boss.secret))).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyStaffTotp(db(), boss.userId, totpNow(result.enrolment.secret))).toEqual({ ok: true });
    expect(await db().selectFrom("sessions").select("id_hash").where("user_id", "=", boss.userId).execute()).toEqual(
      []
    );
    const audit = await db().selectFrom("audit_log").select(["action", "actor_id", "actor_email", "detail"]).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "staff.recover",
      actor_id: boss.userId,
      actor_email: "cli:ops",
      detail: { lockoutsCleared: 2 },
    });
    expect(JSON.stringify(audit[0])).not.toContain(result.enrolment.secret);
    expect(consultant.userId).not.toBe(boss.userId);
  });
});
