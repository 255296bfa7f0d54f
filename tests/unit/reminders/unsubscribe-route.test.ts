import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LinkTo } from "~/modules/notifications/outbox.server";
import { sendDueReminders } from "~/modules/reminders/delivery.server";
import { listDocuments, saveDocument } from "~/modules/reminders/documents.server";
import { action, loader } from "~/routes/$lang.reminders.unsubscribe";
import { testDatabases, useMigratedDb } from "../../support/db";
import { createUser } from "../../support/factories";

const link: LinkTo = (lang, path) => `http://localhost/${lang}${path}`;
const context = { clientIp: "10.0.0.1", csrfSeed: "s", nonce: "n", requestId: "r" };

describe.each(testDatabases())("unsubscribe link on %s", (_name, open) => {
  const db = useMigratedDb(open);
  beforeAll(() => {
    globalThis.__portalDb = Promise.resolve({
      db: db(),
      kind: "pglite",
      close: async () => {},
      listen: async () => async () => {},
    });
  });
  afterAll(() => {
    globalThis.__portalDb = undefined;
  });

  it("GET only asks; a one-click POST (RFC 8058) unsubscribes once, with no session or CSRF token", async () => {
    const user = await createUser(db());
    await saveDocument(db(), user.id, {
      kind: "work-permit",
      holder: "family",
      holderName: "Ana",
      expiresOn: "2027-03-10",
      ownUnit: "days",
      remindOn: "2027-03-02",
    });
    await sendDueReminders(db(), { now: new Date("2027-03-02T00:00:00Z"), link });
    const mail = await db().selectFrom("outbox").select("payload").executeTakeFirstOrThrow();
    const url = String(mail.payload.unsubscribeUrl);
    const params = { lang: "en" };

    const asked = await loader({ request: new Request(url), params, context });
    expect(asked.status).toBe(200);
    expect(await asked.json()).toMatchObject({ state: "live", document: "Work permit of Ana" });
    expect((await listDocuments(db(), user.id))[0]!.remindersOffAt).toBeNull();

    const oneClick = () =>
      new Request(url, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      });
    const done = (await action({ request: oneClick(), params, context })) as Response;
    expect(done.status).toBe(303);
    expect(done.headers.get("Location")).toBe("/en/reminders/unsubscribe?done=1");
    expect((await listDocuments(db(), user.id))[0]!.remindersOffAt).not.toBeNull();

    const again = (await action({ request: oneClick(), params, context })) as Response;
    expect(again.status).toBe(410);
    const unknown = (await action({
      request: new Request("http://localhost/en/reminders/unsubscribe?token=nope", { method: "POST" }),
      params,
      context,
    })) as Response;
    expect(unknown.status).toBe(404);
    expect((await loader({ request: new Request(url), params, context })).status).toBe(410);
  });
});
