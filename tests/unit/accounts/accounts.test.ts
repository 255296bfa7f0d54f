import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { requestPasswordReset, resetPassword, signIn, signUp, verifyEmail } from "~/modules/accounts/accounts.server";
import { hashPassword, verifyPassword } from "~/modules/accounts/crypto.server";
import { weakPasswordReason } from "~/modules/accounts/password-policy.server";
import { createSession, deleteUserSessions, findSession, touchSession } from "~/modules/accounts/sessions.server";
import { consumeToken, issueToken } from "~/modules/accounts/tokens.server";
import { testDatabases, useMigratedDb } from "../../support/db";
import { createUser, FACTORY_PASSWORD } from "../../support/factories";

const link = (lang: string, path: string) => `http://test/${lang}${path}`;
const tokenFromOutbox = (payload: unknown) => /token=([\w-]+)/.exec((payload as { url: string }).url)?.[1] ?? "";

describe("password hashing and policy", () => {
  it("hashes with scrypt and salt, and verifies only the right password", async () => {
    const a = await hashPassword("a long enough passphrase");
    const b = await hashPassword("a long enough passphrase");
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword("a long enough passphrase", a)).toBe(true);
    expect(await verifyPassword("a long enough passphrasE", a)).toBe(false);
    expect(await verifyPassword("x", "not-a-hash")).toBe(false);
  });

  it("refuses common passwords, repeats and the email itself", () => {
    expect(weakPasswordReason("Password1234", "a@b.test")).toBe("common");
    expect(weakPasswordReason("abcabcabcabc", "a@b.test")).toBe("common");
    expect(weakPasswordReason("mei.lin.chen.2026", "mei.lin.chen@b.test")).toBe("email");
    expect(weakPasswordReason("demo-password-123", "applicant@demo.test")).toBeUndefined();
    // Breach-frequency lists, keyboard walks, sequences and years (zxcvbn), not only an exact list.
    for (const guessable of ["iloveyou12345", "qwertyuiop123", "123456789012", "abcdefghijkl", "talenttaiwan2026"]) {
      expect(weakPasswordReason(guessable, "someone@example.test"), guessable).toBe("common");
    }
    expect(weakPasswordReason("correct horse battery staple", "someone@example.test")).toBeUndefined();
  });
});

describe.each(testDatabases())("accounts on %s", (_name, open) => {
  const db = useMigratedDb(open);

  it("signs up, verifies once, then signs in", async () => {
    expect(
      await signUp(
        db(),
        { email: "new@example.test", password: "a long enough passphrase", lang: "zh-TW", ip: "10.0.0.1" },
        link
      )
    ).toEqual({ ok: true, verifyToken: expect.any(String) });
    const mail = await db().selectFrom("outbox").selectAll().executeTakeFirstOrThrow();
    expect(mail).toMatchObject({
      to_address: "new@example.test",
      template: "verify-email",
      lang: "zh-TW",
      status: "pending",
    });
    const input = { email: "new@example.test", password: "a long enough passphrase", ip: "10.0.0.1" };
    expect(await signIn(db(), input, link)).toEqual({ ok: false, reason: "unverified" });
    const token = tokenFromOutbox(mail.payload);
    const stored = await db().selectFrom("auth_tokens").select("token_hash").execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(token);
    // signing in unverified issued a fresh link, which replaced the first one
    expect(await verifyEmail(db(), token)).toBeUndefined();
    const latest = await db().selectFrom("outbox").select("payload").orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(await verifyEmail(db(), tokenFromOutbox(latest.payload))).toEqual(expect.any(String));
    expect(await verifyEmail(db(), tokenFromOutbox(latest.payload))).toBeUndefined();
    expect(await signIn(db(), input, link)).toMatchObject({ ok: true });
  });

  it("does not reveal an existing account at sign-up", async () => {
    await createUser(db(), { email: "taken@example.test" });
    expect(
      await signUp(
        db(),
        { email: "taken@example.test", password: "another long passphrase", lang: "en", ip: "10.0.0.1" },
        link
      )
    ).toEqual({ ok: true, verifyToken: undefined });
    const mails = await db().selectFrom("outbox").select("template").execute();
    expect(mails).toEqual([{ template: "account-exists" }]);
  });

  it("expires tokens and keeps them single-use", async () => {
    const user = await createUser(db());
    const token = await issueToken(db(), user.id, "reset-password");
    expect(await consumeToken(db(), token, "verify-email")).toBeUndefined();
    await db()
      .updateTable("auth_tokens")
      .set({ expires_at: sql<Date>`now() - interval '1 minute'` })
      .execute();
    expect(await consumeToken(db(), token, "reset-password")).toBeUndefined();
    const fresh = await issueToken(db(), user.id, "reset-password");
    expect(await consumeToken(db(), fresh, "reset-password")).toBe(user.id);
    expect(await consumeToken(db(), fresh, "reset-password")).toBeUndefined();
  });

  it("resets a password, ending every session, and refuses a weak one without using the token", async () => {
    const user = await createUser(db(), { email: "reset@example.test" });
    const session = await createSession(db(), user.id);
    await requestPasswordReset(db(), { email: "reset@example.test", ip: "10.0.0.1" }, link);
    await requestPasswordReset(db(), { email: "nobody@example.test", ip: "10.0.0.1" }, link);
    const mails = await db().selectFrom("outbox").select(["payload", "to_address"]).execute();
    expect(mails.map((m) => m.to_address)).toEqual(["reset@example.test"]);
    const token = tokenFromOutbox(mails[0]!.payload);
    expect(await resetPassword(db(), token, "password1234")).toEqual({ ok: false, reason: "common" });
    expect(await resetPassword(db(), token, "a brand new passphrase")).toMatchObject({ ok: true });
    expect(await findSession(db(), session)).toBeUndefined();
    expect(
      await signIn(db(), { email: "reset@example.test", password: "a brand new passphrase", ip: "1.1.1.1" }, link)
    ).toMatchObject({ ok: true });
  });

  it("keeps sessions server-side under a hash and ends them", async () => {
    const user = await createUser(db());
    const token = await createSession(db(), user.id);
    expect((await findSession(db(), token))?.id).toBe(user.id);
    const rows = await db().selectFrom("sessions").select("id_hash").execute();
    expect(rows[0]?.id_hash).not.toBe(token);
    await db()
      .updateTable("sessions")
      .set({ expires_at: sql<Date>`now() - interval '1 second'` })
      .execute();
    expect(await findSession(db(), token)).toBeUndefined();
    const second = await createSession(db(), user.id);
    await deleteUserSessions(db(), user.id);
    expect(await findSession(db(), second)).toBeUndefined();
  });

  it("ends a session after idle time (30 minutes for staff, 2 hours for applicants) and staff sessions after 12 hours", async () => {
    const applicant = await createUser(db());
    const staff = await createUser(db(), { role: "consultant" });
    const a = await createSession(db(), applicant.id);
    const s = await createSession(db(), staff.id);
    const idle = (userId: string, minutes: number) =>
      db()
        .updateTable("sessions")
        .set({ last_seen_at: sql<Date>`now() - make_interval(mins => ${minutes}::int)` })
        .where("user_id", "=", userId)
        .execute();
    await idle(applicant.id, 31);
    await idle(staff.id, 29);
    expect((await findSession(db(), a))?.id).toBe(applicant.id);
    expect((await findSession(db(), s))?.id).toBe(staff.id);
    const before = await db()
      .selectFrom("sessions")
      .select("last_seen_at")
      .where("user_id", "=", staff.id)
      .executeTakeFirstOrThrow();
    await touchSession(db(), (await findSession(db(), s))!.id_hash);
    const after = await db()
      .selectFrom("sessions")
      .select("last_seen_at")
      .where("user_id", "=", staff.id)
      .executeTakeFirstOrThrow();
    expect(after.last_seen_at.getTime()).toBeGreaterThan(before.last_seen_at.getTime());
    await idle(staff.id, 31);
    expect(await findSession(db(), s)).toBeUndefined();
    await idle(applicant.id, 121);
    expect(await findSession(db(), a)).toBeUndefined();
    const fresh = await createSession(db(), staff.id);
    await db()
      .updateTable("sessions")
      .set({ created_at: sql<Date>`now() - interval '13 hours'` })
      .where("user_id", "=", staff.id)
      .execute();
    expect(await findSession(db(), fresh)).toBeUndefined();
  });

  it("locks an account after 5 failures, even with the right password, and an address after 20", async () => {
    await createUser(db(), { email: "victim@example.test" });
    const attempt = (password: string, ip = "10.0.0.2", email = "victim@example.test") =>
      signIn(db(), { email, password, ip }, link);
    for (let i = 0; i < 5; i++) expect(await attempt("wrong password guess")).toMatchObject({ reason: "invalid" });
    expect(await attempt(FACTORY_PASSWORD, "10.9.9.9")).toEqual({ ok: false, reason: "locked" });
    for (let i = 0; i < 15; i++) await attempt("wrong", "10.0.0.3", `spray${i}@example.test`);
    await createUser(db(), { email: "other@example.test" });
    expect(await attempt(FACTORY_PASSWORD, "10.0.0.3", "other@example.test")).toMatchObject({ ok: true });
    for (let i = 15; i < 20; i++) await attempt("wrong", "10.0.0.3", `spray${i}@example.test`);
    expect(await attempt(FACTORY_PASSWORD, "10.0.0.3", "other@example.test")).toEqual({ ok: false, reason: "locked" });
  }, 120_000);
});
