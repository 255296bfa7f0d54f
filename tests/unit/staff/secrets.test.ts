import { sql } from "kysely";
import { describe, expect, it, vi } from "vitest";
import { open, seal, SecretBoxError } from "~/lib/security/secret-box.server";
import { deriveKey } from "~/lib/security/secret.server";
import { redeemRecoveryCode } from "~/modules/staff/recovery.server";
import { createStaff, verifyStaffTotp } from "~/modules/staff/staff-auth.server";
import { resetAuthenticator } from "~/modules/staff/team.server";
import { totpNow } from "~/modules/staff/totp.server";
import { openTotpSecret, sealLegacyTotpSecrets } from "~/modules/staff/totp-secrets.server";
import { testDatabases, useMigratedDb } from "../../support/db";
import { makeUser } from "./fixtures";

vi.stubEnv("SESSION_SECRET", "secrets-test-session-secret-0123456789abcdef");

const LEGACY = "ORQWYZLOOQWXIYLJO5QW4LLEMVWW6IJB";
const key = deriveKey("test", "k".repeat(40));
const flip = (text: string, at: number) => text.slice(0, at) + (text[at] === "A" ? "B" : "A") + text.slice(at + 1);
const ctxOf = (u: { id: string; email: string }) => ({
  actorId: u.id,
  actorEmail: u.email,
  ip: "127.0.0.1",
  userAgent: "vitest",
});

describe("secret box (AES-256-GCM)", () => {
  it("stores a versioned ciphertext that is not the plain text and opens with the same key and context", () => {
    const sealed = seal(LEGACY, key, "row-1");
    expect(sealed).toMatch(/^v1:[\w-]{16}:[\w-]+$/);
    expect(sealed).not.toContain(LEGACY);
    expect(seal(LEGACY, key, "row-1")).not.toBe(sealed);
    expect(open(sealed, key, "row-1")).toBe(LEGACY);
  });

  it("refuses tampered ciphertext, tag or IV, another context, another key and unknown formats", () => {
    const sealed = seal(LEGACY, key, "row-1");
    const [, iv, body] = sealed.split(":") as [string, string, string];
    expect(() => open(`v1:${iv}:${flip(body, 3)}`, key, "row-1")).toThrow(SecretBoxError);
    expect(() => open(`v1:${iv}:${flip(body, body.length - 2)}`, key, "row-1")).toThrow(SecretBoxError);
    expect(() => open(`v1:${flip(iv, 2)}:${body}`, key, "row-1")).toThrow(SecretBoxError);
    expect(() => open(sealed, key, "row-2")).toThrow(SecretBoxError);
    expect(() => open(sealed, deriveKey("test", "j".repeat(40)), "row-1")).toThrow(SecretBoxError);
    expect(() => open(`v2:${iv}:${body}`, key, "row-1")).toThrow(SecretBoxError);
    expect(() => open(`v1:${iv}`, key, "row-1")).toThrow(SecretBoxError);
  });

  it("derives separate keys per label and the same key for the same secret and label", () => {
    expect(deriveKey("a", "s".repeat(40)).equals(deriveKey("a", "s".repeat(40)))).toBe(true);
    expect(deriveKey("a", "s".repeat(40)).equals(deriveKey("b", "s".repeat(40)))).toBe(false);
    expect(deriveKey("a", "s".repeat(40))).toHaveLength(32);
  });
});

describe.each(testDatabases())("TOTP secrets at rest on %s", (_name, openDb) => {
  const db = useMigratedDb(openDb);
  const newStaff = (email: string, role: "consultant" | "supervisor" = "consultant") =>
    createStaff(db(), { email, name: email, role, office: "taipei", password: "a-long-password-123" });
  const stored = async (userId: string) =>
    (
      await db()
        .selectFrom("staff_credentials")
        .select("totp_secret")
        .where("user_id", "=", userId)
        .executeTakeFirstOrThrow()
    ).totp_secret;

  it("encrypts a new staff member's secret, which still verifies codes", async () => {
    const created = await newStaff("new@example.test");
    const row = await stored(created.userId);
    expect(row).toMatch(/^v1:/);
    expect(row).not.toContain(created.secret);
    expect(openTotpSecret(created.userId, row)).toEqual({ secret: created.secret, legacy: false });
    expect(await verifyStaffTotp(db(), created.userId, totpNow(created.secret))).toEqual({ ok: true });
  });

  it("refuses a secret copied onto another account or tampered with, without a server error", async () => {
    const a = await newStaff("a@example.test");
    const b = await newStaff("b@example.test");
    await db()
      .updateTable("staff_credentials")
      .set({ totp_secret: await stored(a.userId) })
      .where("user_id", "=", b.userId)
      .execute();
    expect(await verifyStaffTotp(db(), b.userId, totpNow(a.secret))).toEqual({ ok: false, reason: "unreadable" });
    const row = await stored(a.userId);
    await db()
      .updateTable("staff_credentials")
      .set({ totp_secret: flip(row, row.length - 5) })
      .where("user_id", "=", a.userId)
      .execute();
    expect(await verifyStaffTotp(db(), a.userId, totpNow(a.secret))).toEqual({ ok: false, reason: "unreadable" });
  });

  it("seals legacy plain-text rows at start-up, once", async () => {
    const user = await makeUser(db(), { role: "consultant", office: "taipei" });
    await db().insertInto("staff_credentials").values({ user_id: user.id, totp_secret: LEGACY }).execute();
    expect(await sealLegacyTotpSecrets(db())).toBe(1);
    const row = await stored(user.id);
    expect(row).toMatch(/^v1:/);
    expect(openTotpSecret(user.id, row).secret).toBe(LEGACY);
    expect(await sealLegacyTotpSecrets(db())).toBe(0);
    expect(await stored(user.id)).toBe(row);
    expect(await verifyStaffTotp(db(), user.id, totpNow(LEGACY))).toEqual({ ok: true });
  });

  it("accepts a legacy plain-text secret and seals it on its first successful use", async () => {
    const user = await makeUser(db(), { role: "consultant", office: "taipei" });
    await db().insertInto("staff_credentials").values({ user_id: user.id, totp_secret: LEGACY }).execute();
    expect(await verifyStaffTotp(db(), user.id, "000000", Date.now() - 3600_000)).toMatchObject({ ok: false });
    expect(await stored(user.id)).toBe(LEGACY);
    expect(await verifyStaffTotp(db(), user.id, totpNow(LEGACY))).toEqual({ ok: true });
    expect(openTotpSecret(user.id, await stored(user.id))).toEqual({ secret: LEGACY, legacy: false });
  });

  it("a supervisor's reset replaces the secret and codes, ends sessions and is audited; not for oneself", async () => {
    const boss = await newStaff("boss@example.test", "supervisor");
    const member = await newStaff("member@example.test");
    await db()
      .insertInto("sessions")
      .values({ id_hash: "h1", user_id: member.userId, expires_at: sql<Date>`now() + interval '1 day'` })
      .execute();
    const form = (userId: string) => {
      const f = new FormData();
      f.set("intent", "reset");
      f.set("userId", userId);
      return f;
    };
    const bossCtx = ctxOf({ id: boss.userId, email: "boss@example.test" });
    expect(await resetAuthenticator(db(), bossCtx, form(boss.userId))).toEqual({ ok: false, reason: "self" });
    expect(await resetAuthenticator(db(), bossCtx, form("not-a-uuid"))).toEqual({ ok: false, reason: "invalid" });
    const outcome = await resetAuthenticator(db(), bossCtx, form(member.userId));
    if (!outcome.ok) throw new Error("reset failed");
    expect(outcome.enrolment.secret).not.toBe(member.secret);
    expect(outcome.enrolment.otpauth).toContain(`secret=${outcome.enrolment.secret}`);
    expect(outcome.enrolment.recoveryCodes).toHaveLength(10);
    expect(await stored(member.userId)).not.toContain(outcome.enrolment.secret);
    expect(await verifyStaffTotp(db(), member.userId, totpNow(member.secret))).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await verifyStaffTotp(db(), member.userId, totpNow(outcome.enrolment.secret))).toEqual({ ok: true });
    const memberCtx = ctxOf({ id: member.userId, email: "member@example.test" });
    expect(await redeemRecoveryCode(db(), memberCtx, member.recoveryCodes[0]!)).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await redeemRecoveryCode(db(), memberCtx, outcome.enrolment.recoveryCodes[0]!)).toEqual({
      ok: true,
      remaining: 9,
    });
    expect(await db().selectFrom("sessions").select("id_hash").where("user_id", "=", member.userId).execute()).toEqual(
      []
    );
    const audit = await db()
      .selectFrom("audit_log")
      .select(["action", "actor_id", "detail"])
      .where("action", "=", "staff.totp.reset")
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: boss.userId, detail: { userId: member.userId, sessionsEnded: 1 } });
    expect(JSON.stringify(audit[0]!.detail)).not.toContain(outcome.enrolment.secret);
  });
});
