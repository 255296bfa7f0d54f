import { parseWithZod } from "@conform-to/zod/v3";
import { json, redirect } from "@remix-run/node";
import { getDb } from "~/lib/db.server";
import { readForm } from "~/lib/forms/read-form.server";
import { badRequest, notFound } from "~/lib/http/responses";
import { getUser } from "~/modules/accounts/session.server";
import type { CheckResult } from "~/modules/eligibility/eligibility.server";
import { ownerCookie, ownsDraft } from "~/modules/eligibility/owner.server";
import { recheck, staleRules } from "./alerts.server";
import { RuleAlertConsentSchema } from "./alerts.schema";
import { resultConsent, setResultConsent } from "./consent.server";

const resultsPath = (lang: string, id: string) => `/${lang}/eligibility/results/${id}`;

/** What a results page says about rule changes: whether they changed since, and the reader's consent box. */
export async function resultAlertsState(request: Request, lang: string, id: string, result: CheckResult) {
  const user = await getUser(request);
  const consent = user ? await resultConsent(await getDb(), user.id, id) : null;
  return {
    stale: staleRules(result),
    signedIn: Boolean(user),
    givenAt: consent ? consent.givenAt.toISOString() : null,
    signInHref: `/${lang}/account/sign-in?redirectTo=${encodeURIComponent(resultsPath(lang, id))}`,
  };
}

/** The results page's two forms: re-check with the same answers (anyone), and the rule-change consent (an account). */
export async function resultsAction(request: Request, lang: string, id: string) {
  const formData = await readForm(request);
  const db = await getDb();
  const intent = formData.get("intent");
  if (intent === "recheck") {
    const row = await db
      .selectFrom("eligibility_checks")
      .select("result")
      .where("id", "=", id)
      .where("completed_at", "is not", null)
      .executeTakeFirst();
    if (!row?.result) throw notFound();
    const result = (typeof row.result === "string" ? JSON.parse(row.result) : row.result) as CheckResult;
    // Nothing changed: nothing to make.
    if (staleRules(result).length === 0) return redirect(resultsPath(lang, id), 303);
    const fresh = await recheck(db, id, lang);
    if (!fresh) throw notFound();
    const https = new URL(request.url).protocol === "https:";
    return redirect(resultsPath(lang, fresh), { status: 303, headers: { "Set-Cookie": ownerCookie(fresh, https) } });
  }
  if (intent !== "rule-alerts") throw badRequest();
  const user = await getUser(request);
  if (!user) return redirect(`/${lang}/account/sign-in?redirectTo=${encodeURIComponent(resultsPath(lang, id))}`, 303);
  const submission = parseWithZod(formData, { schema: RuleAlertConsentSchema });
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  const on = submission.value.consent === "on";
  const saved = await setResultConsent(db, {
    userId: user.id,
    checkId: id,
    on,
    ownsBrowserDraft: ownsDraft(request, id),
  });
  if (saved === "not-found") throw notFound();
  if (saved === "forbidden")
    return json({ result: submission.reply({ formErrors: ["eligibility:alerts.notYours"] }) }, { status: 403 });
  return redirect(`${resultsPath(lang, id)}?alerts=saved#rule-alerts`, 303);
}
