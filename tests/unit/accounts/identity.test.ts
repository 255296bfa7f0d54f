import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { EVEN_ANSWER_MS, requestPasswordReset, signIn, signUp } from "~/modules/accounts/accounts.server";
import { clearFailures, isLocked, LIMITS, recordFailure, secondFactorKey } from "~/modules/accounts/rate-limit.server";
import { getUser, requireUser } from "~/modules/accounts/session.server";
import { createSession } from "~/modules/accounts/sessions.server";
import { verifyStaffPassword } from "~/modules/staff/staff-auth.server";
import { testDatabases, useMigratedDb } from "../../support/db";
import { createUser, FACTORY_PASSWORD } from "../../support/factories";

const link = (lang: string, path: string) => `http://test/${lang}${path}`;
const withCookie = (token: string, path = "/en/account/privacy") =>
  new Request(`http://test${path}`, { headers: { Cookie: `sid=${token}` } });

describe.each(testDatabases())("one identity rule on %s", (_name, open) => {
  const db = useMigratedDb(open);
  afterEach(() => {
    globalThis.__portalDb = undefined;
  });

  it("refuses a staff account on the applicant sign-in with the answer a wrong password gets", async () => {
    const staff = await createUser(db(), { role: "consultant" });
    const result = await signIn(db(), { email: staff.email, password: FACTORY_PASSWORD, ip: "10.1.0.1" }, link);
    expect(result).toEqual({ ok: false, reason: "invalid" });
    expect(
      await verifyStaffPassword(db(), { email: staff.email, password: FACTORY_PASSWORD, ip: "10.1.0.1" })
    ).toMatchObject({ ok: true });
  });

  it("locks a staff account on both forms after five wrong passwords on the staff form", async () => {
    const staff = await createUser(db(), { role: "supervisor" });
    for (let i = 0; i < LIMITS.account; i++) {
      expect(
        await verifyStaffPassword(db(), { email: staff.email, password: "wrong guess", ip: "10.1.0.2" })
      ).toMatchObject({ ok: false });
    }
    expect(await verifyStaffPassword(db(), { email: staff.email, password: FACTORY_PASSWORD, ip: "10.9.0.9" })).toEqual(
      { ok: false, reason: "locked" }
    );
    expect(await signIn(db(), { email: staff.email, password: FACTORY_PASSWORD, ip: "10.9.0.9" }, link)).toMatchObject({
      ok: false,
    });
    expect(await isLocked(db(), [`account:${staff.email}`])).toBe(true);
  });

  it("treats a staff session without the second factor as signed out outside the staff sign-in", async () => {
    globalThis.__portalDb = Promise.resolve({
      db: db(),
      kind: "pglite",
      close: async () => {},
      listen: async () => async () => {},
    });
    const staff = await createUser(db(), { role: "consultant" });
    const token = await createSession(db(), staff.id);
    expect(await getUser(withCookie(token))).toBeNull();
    const refused = await requireUser(withCookie(token)).catch((r: Response) => r);
    expect(refused).toBeInstanceOf(Response);
    // Sent to finish the staff sign-in (its code step), never to the applicants' form.
    expect((refused as Response).headers.get("Location")).toMatch(/^\/en\/staff\/sign-in\?redirectTo=/);
    expect(await getUser(withCookie(token), { pendingSecondFactor: true })).toMatchObject({ id: staff.id });
    await db()
      .updateTable("sessions")
      .set({ second_factor_at: sql<Date>`now()` })
      .execute();
    expect(await getUser(withCookie(token))).toMatchObject({ id: staff.id });
  });

  it("ends a lock when its time is over and counts again from one (the staff second factor too)", async () => {
    const key = secondFactorKey("00000000-0000-0000-0000-000000000001");
    for (let i = 0; i < LIMITS.secondFactor; i++) await recordFailure(db(), [key]);
    expect(await isLocked(db(), [key])).toBe(true);
    await db()
      .updateTable("login_attempts")
      .set({ locked_until: sql<Date>`now() - interval '1 second'` })
      .execute();
    expect(await isLocked(db(), [key])).toBe(false);
    await recordFailure(db(), [key]);
    expect(await isLocked(db(), [key])).toBe(false);
    expect(await db().selectFrom("login_attempts").select("failures").executeTakeFirstOrThrow()).toEqual({
      failures: 1,
    });
    await db()
      .updateTable("login_attempts")
      .set({ window_started_at: sql<Date>`now() - interval '16 minutes'` })
      .execute();
    await recordFailure(db(), [key]);
    expect(await db().selectFrom("login_attempts").select("failures").executeTakeFirstOrThrow()).toEqual({
      failures: 1,
    });
    await clearFailures(db(), key);
    expect(await db().selectFrom("login_attempts").selectAll().execute()).toEqual([]);
  });

  it("sends at most three e-mails an hour to one recipient and ten from one address, answering alike", async () => {
    await createUser(db(), { email: "target@example.test" });
    for (let i = 0; i < 8; i++)
      await requestPasswordReset(db(), { email: "target@example.test", ip: `10.2.0.${i}` }, link);
    const toTarget = await db()
      .selectFrom("outbox")
      .select("id")
      .where("to_address", "=", "target@example.test")
      .execute();
    expect(toTarget).toHaveLength(LIMITS.mailRecipient);
    for (let i = 0; i < 14; i++) {
      const email = `spray${i}@example.test`;
      await createUser(db(), { email });
      await signUp(db(), { email, password: "another long passphrase", lang: "en", ip: "10.3.0.1" }, link);
    }
    const fromOneAddress = await db().selectFrom("outbox").select("id").where("to_address", "like", "spray%").execute();
    expect(fromOneAddress).toHaveLength(LIMITS.mailAddress);
  }, 60_000);

  it("answers a reset request in the same time whether the account exists or not", async () => {
    await createUser(db(), { email: "known@example.test" });
    const time = async (email: string, ip: string) => {
      const t0 = performance.now();
      await requestPasswordReset(db(), { email, ip }, link);
      return performance.now() - t0;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 3; i++) {
      known.push(await time("known@example.test", `10.4.0.${i}`));
      unknown.push(await time(`nobody${i}@example.test`, `10.5.0.${i}`));
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[1]!;
    expect(Math.min(...known, ...unknown)).toBeGreaterThanOrEqual(EVEN_ANSWER_MS - 5);
    expect(Math.abs(median(known) - median(unknown))).toBeLessThan(50);
  });
});
