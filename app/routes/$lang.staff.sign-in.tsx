import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput, ErrorSummary, FieldError } from "~/components/forms";
import { getDb } from "~/lib/db.server";
import { notFound } from "~/lib/http/responses";
import { isLang } from "~/lib/i18n/config";
import { getFixedT } from "~/lib/i18n/i18n.server";
import { pageMeta } from "~/lib/meta";
import { requireCsrf } from "~/lib/security/csrf-guard.server";
import { getUser, isStaff, startSession } from "~/modules/accounts/session.server";
import { verifyStaffPassword, verifyStaffTotp } from "~/modules/staff/staff-auth.server";
import { markSecondFactor } from "~/modules/staff/staff-session.server";

export const handle = { i18n: ["staff"] };
export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

function target(value: FormDataEntryValue | string | null, lang: string): string {
  return typeof value === "string" && value.startsWith(`/${lang}/staff/`) && !value.includes("//") ? value : `/${lang}/staff/inbox`;
}

/** Anonymous visitors see the password step; staff who passed it see the code step; anyone else gets a 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const user = await getUser(request);
  if (user && !isStaff(user)) throw notFound();
  const redirectTo = target(new URL(request.url).searchParams.get("redirectTo"), params.lang);
  if (user?.second_factor_at) throw redirect(redirectTo);
  const t = await getFixedT(params.lang, "staff");
  return { meta: { title: t("signIn.title") }, step: user ? ("code" as const) : ("password" as const), redirectTo };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const formData = await request.formData();
  requireCsrf(request, formData);
  const db = await getDb();
  const user = await getUser(request);
  if (user && !isStaff(user)) throw notFound();
  const redirectTo = target(formData.get("redirectTo"), params.lang);
  if (!user) {
    const result = await verifyStaffPassword(db, String(formData.get("email") ?? ""), String(formData.get("password") ?? ""));
    if (!result.ok) return json({ error: result.reason === "locked" ? "signIn.locked" : "signIn.invalid", field: "email" }, { status: 400 });
    const cookie = await startSession(request, result.userId, context.clientIp ?? null);
    return redirect(`/${params.lang}/staff/sign-in?redirectTo=${encodeURIComponent(redirectTo)}`, { status: 303, headers: { "Set-Cookie": cookie } });
  }
  const result = await verifyStaffTotp(db, user.id, String(formData.get("code") ?? ""));
  if (!result.ok) return json({ error: result.reason === "locked" ? "signIn.locked" : "signIn.badCode", field: "code" }, { status: 400 });
  await markSecondFactor(user.id_hash);
  return redirect(redirectTo, 303);
}

export default function StaffSignIn() {
  const { step, redirectTo } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const { t } = useTranslation("staff");
  const errors = failed ? [{ fieldId: failed.field, messageKey: `staff:${failed.error}` }] : [];
  return (
    <div className="narrow">
      <ErrorSummary errors={errors} />
      <h1>{step === "password" ? t("signIn.title") : t("signIn.codeTitle")}</h1>
      <Form method="post" noValidate>
        <CsrfInput />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        {step === "password" ? (
          <>
            <div className="field">
              <label htmlFor="email">{t("signIn.email")}</label>
              <FieldError id="email-error" messageKey={failed?.field === "email" ? `staff:${failed.error}` : undefined} />
              <input id="email" name="email" type="email" autoComplete="username" aria-invalid={failed?.field === "email" || undefined} aria-describedby={failed ? "email-error" : undefined} />
            </div>
            <div className="field">
              <label htmlFor="password">{t("signIn.password")}</label>
              <input id="password" name="password" type="password" autoComplete="current-password" />
            </div>
          </>
        ) : (
          <div className="field">
            <label htmlFor="code">{t("signIn.code")}</label>
            <p className="hint" id="code-hint">{t("signIn.codeHint")}</p>
            <FieldError id="code-error" messageKey={failed?.field === "code" ? `staff:${failed.error}` : undefined} />
            <input id="code" name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} aria-invalid={failed?.field === "code" || undefined} aria-describedby={failed ? "code-hint code-error" : "code-hint"} />
          </div>
        )}
        <button type="submit">{step === "password" ? t("signIn.continue") : t("signIn.verify")}</button>
      </Form>
    </div>
  );
}
