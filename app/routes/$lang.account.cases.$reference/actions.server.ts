import { parseWithZod } from "@conform-to/zod/v3";
import { json, redirect } from "@remix-run/node";
import { getDb } from "~/lib/db.server";
import { readForm } from "~/lib/forms/read-form.server";
import { notFound } from "~/lib/http/responses";
import type { SessionUser } from "~/modules/accounts/session.server";
import { RuleAlertConsentSchema } from "~/modules/alerts/alerts.schema";
import { setCaseConsent } from "~/modules/alerts/consent.server";
import {
  addApplicantReply,
  answerSatisfaction,
  uploadCaseDocument,
  type ActionResult,
} from "~/modules/cases/case-actions.server";
import { ReplySchema, SatisfactionSchema } from "~/modules/cases/cases.schema";
import { checkUpload, type UploadCheck } from "~/modules/cases/documents.server";
import { parseUploadForm, UPLOAD_ERRORS } from "~/modules/cases/upload-form.server";

const RESULT_ERRORS = {
  closed: "cases:errors.caseClosed",
  "already-answered": "cases:errors.alreadyAnswered",
  "not-yet": "cases:errors.notYet",
} as const;

type Ok = Extract<UploadCheck, { ok: true }>;

async function checkAll(
  files: FormDataEntryValue[]
): Promise<{ ok: true; files: Ok[] } | { ok: false; error: string }> {
  const present = files.filter((f) => typeof f !== "string" && f.size > 0);
  if (present.length > 5) return { ok: false, error: "cases:errors.tooManyFiles" };
  const checked: Ok[] = [];
  for (const f of present) {
    const c = await checkUpload(f);
    if (!c.ok) return { ok: false, error: UPLOAD_ERRORS[c.reason] };
    checked.push(c);
  }
  return { ok: true, files: checked };
}

/** Runs one of the case page's forms (reply, upload, satisfaction) for the signed-in applicant. */
export async function caseAction(request: Request, user: SessionUser, lang: string, reference: string) {
  const formData = await readForm(request);
  const intent = formData.get("intent");
  const db = await getDb();
  const done = (result: ActionResult, reply: (errors: string[]) => unknown) => {
    if (result.ok) return redirect(`/${lang}/account/cases/${reference}?done=${String(intent)}`, 303);
    if (result.reason === "not-found") throw notFound();
    return json({ intent: String(intent), result: reply([RESULT_ERRORS[result.reason]]) }, { status: 400 });
  };
  if (intent === "reply") {
    const submission = parseWithZod(formData, { schema: ReplySchema });
    const files = await checkAll(formData.getAll("attachments"));
    if (submission.status !== "success" || !files.ok) {
      const fieldErrors = {
        ...(submission.status === "success" ? {} : submission.error),
        ...(files.ok ? {} : { attachments: [files.error] }),
      } as Record<string, string[]>;
      return json({ intent, result: submission.reply({ fieldErrors }) }, { status: 400 });
    }
    const result = await addApplicantReply(db, user, reference, submission.value, files.files);
    return done(result, (formErrors) => submission.reply({ formErrors }));
  }
  if (intent === "upload") {
    const upload = await parseUploadForm(formData);
    if (!upload.ok) return json({ intent, result: upload.result }, { status: 400 });
    const result = await uploadCaseDocument(db, user, reference, upload.item, upload.file);
    return done(result, upload.reply);
  }
  if (intent === "satisfaction") {
    const submission = parseWithZod(formData, { schema: SatisfactionSchema });
    if (submission.status !== "success") return json({ intent, result: submission.reply() }, { status: 400 });
    const result = await answerSatisfaction(db, user, reference, submission.value);
    return done(result, (formErrors) => submission.reply({ formErrors }));
  }
  if (intent === "rule-alerts") {
    const submission = parseWithZod(formData, { schema: RuleAlertConsentSchema });
    if (submission.status !== "success") return json({ intent, result: submission.reply() }, { status: 400 });
    const saved = await setCaseConsent(db, { userId: user.id, reference, on: submission.value.consent === "on" });
    if (saved !== "saved") throw notFound();
    return redirect(`/${lang}/account/cases/${reference}?done=rule-alerts#rule-alerts`, 303);
  }
  throw new Response(JSON.stringify({ reason: "bad-request" }), {
    status: 400,
    headers: { "Content-Type": "application/json" },
  });
}
