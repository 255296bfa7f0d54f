import { describe, expect, it, vi } from "vitest";
import {
  countUnusedRecoveryCodes,
  generateRecoveryCode,
  normalizeRecoveryCode,
  redeemRecoveryCode,
  regenerateRecoveryCodes,
} from "~/modules/staff/recovery.server";
import { createStaff, verifyStaffTotp } from "~/modules/staff/staff-auth.server";
import { totpNow } from "~/modules/staff/totp.server";
import { testDatabases, useMigratedDb } from "../../support/db";

vi.stubEnv("SESSION_SECRET", "recovery-test-session-secret-0123456789abcdef");

describe("recovery code format", () => {
  it("gives 60 random bits as xxxx-xxxx-xxxx and normalises what people type", () => {
    const codes = new Set(Array.from({ length: 200 }, generateRecoveryCode));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(code).toMatch(/^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$/);
    expect(normalizeRecoveryCode(" ABCD-efgh 2345 ")).toBe("abcdefgh2345");
    expect(normalizeRecoveryCode("abcd-efgh-1890")).toBeNull();
    expect(normalizeRecoveryCode("")).toBeNull();
  });
});

describe.each(testDatabases())("recovery codes on %s", (_name, open) => {
  const db = useMigratedDb(open);
  async function staff(email = "rc@example.test") {
    const created = await createStaff(db(), {
      email,
      name: "RC",
      role: "consultant",
      office: "taipei",
      password: "a-long-password-123",
    });
    return { ...created, ctx: { actorId: created.userId, actorEmail: email, ip: "127.0.0.1", userAgent: "vitest" } };
  }

  it("are made with the account, stored only as hashes, and each works once (audited)", async () => {
    const { userId, recoveryCodes, ctx } = await staff();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const rows = await db().selectFrom("staff_recovery_codes").selectAll().where("user_id", "=", userId).execute();
    expect(rows).toHaveLength(10);
    const stored = JSON.stringify(rows);
    for (const code of recoveryCodes) expect(stored).not.toContain(normalizeRecoveryCode(code));
    expect(await redeemRecoveryCode(db(), ctx, recoveryCodes[3]!.toUpperCase())).toEqual({ ok: true, remaining: 9 });
    expect(await redeemRecoveryCode(db(), ctx, recoveryCodes[3]!)).toEqual({ ok: false, reason: "invalid" });
    const used = await db()
      .selectFrom("staff_recovery_codes")
      .select("used_at")
      .where("user_id", "=", userId)
      .where("used_at", "is not", null)
      .execute();
    expect(used).toHaveLength(1);
    const audit = await db().selectFrom("audit_log").select(["action", "actor_id", "detail"]).execute();
    expect(audit).toEqual([{ action: "staff.recovery_code.used", actor_id: userId, detail: { userId, remaining: 9 } }]);
  });

  it("refuse another member's code", async () => {
    const a = await staff("a@example.test");
    const b = await staff("b@example.test");
    expect(await redeemRecoveryCode(db(), b.ctx, a.recoveryCodes[0]!)).toEqual({ ok: false, reason: "invalid" });
    expect(await redeemRecoveryCode(db(), a.ctx, a.recoveryCodes[0]!)).toMatchObject({ ok: true });
  });

  it("count wrong codes toward the same lock-out as TOTP failures", async () => {
    const { userId, secret, recoveryCodes, ctx } = await staff();
    for (const wrong of ["aaaa-bbbb-cccc", "not a code", "", "2222-3333-4444"]) {
      expect(await redeemRecoveryCode(db(), ctx, wrong)).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await verifyStaffTotp(db(), userId, "000000", Date.now() - 3600_000)).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await redeemRecoveryCode(db(), ctx, recoveryCodes[0]!)).toEqual({ ok: false, reason: "locked" });
    expect(await verifyStaffTotp(db(), userId, totpNow(secret))).toEqual({ ok: false, reason: "locked" });
    expect(await countUnusedRecoveryCodes(db(), userId)).toBe(10);
  });

  it("a successful code clears earlier failures", async () => {
    const { recoveryCodes, ctx } = await staff();
    for (let i = 0; i < 4; i++) await redeemRecoveryCode(db(), ctx, "aaaa-bbbb-cccc");
    expect(await redeemRecoveryCode(db(), ctx, recoveryCodes[0]!)).toMatchObject({ ok: true });
    for (let i = 0; i < 4; i++) await redeemRecoveryCode(db(), ctx, "aaaa-bbbb-cccc");
    expect(await redeemRecoveryCode(db(), ctx, recoveryCodes[1]!)).toMatchObject({ ok: true });
  });

  it("regeneration invalidates every old code and is audited", async () => {
    const { userId, recoveryCodes, ctx } = await staff();
    await redeemRecoveryCode(db(), ctx, recoveryCodes[0]!);
    expect(await countUnusedRecoveryCodes(db(), userId)).toBe(9);
    const fresh = await regenerateRecoveryCodes(db(), ctx);
    expect(fresh).toHaveLength(10);
    expect(fresh.filter((c) => recoveryCodes.includes(c))).toEqual([]);
    expect(await countUnusedRecoveryCodes(db(), userId)).toBe(10);
    expect(await redeemRecoveryCode(db(), ctx, recoveryCodes[1]!)).toEqual({ ok: false, reason: "invalid" });
    expect(await redeemRecoveryCode(db(), ctx, fresh[0]!)).toEqual({ ok: true, remaining: 9 });
    const actions = (await db().selectFrom("audit_log").select("action").orderBy("id").execute()).map((r) => r.action);
    expect(actions).toEqual([
      "staff.recovery_code.used",
      "staff.recovery_codes.regenerated",
      "staff.recovery_code.used",
    ]);
  });
});
