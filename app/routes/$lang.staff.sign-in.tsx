import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput, ErrorSummary, FieldError } from "~/components/forms";
import { getDb } from "~/lib/db.server";
import { safeRedirectPath } from "~/lib/http/redirect-to";
import { notFound } from "~/lib/http/responses";
import { isLang } from "~/lib/i18n/config";
import { getFixedT } from "~/lib/i18n/i18n.server";
import { pageMeta } from "~/lib/meta";
import { requireCsrf } from "~/lib/security/csrf-guard.server";
import { getUser, isStaff, startSession } from "~/modules/accounts/session.server";
import { redeemRecoveryCode } from "~/modules/staff/recovery.server";
import {
  CodeStepSchema,
  PasswordStepSchema,
  verifyStaffPassword,
  verifyStaffTotp,
} from "~/modules/staff/staff-auth.server";
import { markSecondFactor } from "~/modules/staff/staff-session.server";

export const handle = { i18n: ["staff"] };
export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

const target = (value: unknown, lang: string) =>
  safeRedirectPath(value, `/${lang}/staff/inbox`, { under: `/${lang}/staff/` });

/** Anonymous visitors see the password step; staff who passed it see the code step; anyone else gets a 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const user = await getUser(request, { pendingSecondFactor: true });
  if (user && !isStaff(user)) throw notFound();
  const search = new URL(request.url).searchParams;
  const redirectTo = target(search.get("redirectTo"), params.lang);
  if (user?.second_factor_at) throw redirect(redirectTo);
  const t = await getFixedT(params.lang, "staff");
  const method = search.get("method") === "recovery" ? ("recovery" as const) : ("totp" as const);
  const title = !user ? t("signIn.title") : method === "recovery" ? t("security.signIn.title") : t("signIn.codeTitle");
  return { meta: { title }, step: user ? ("code" as const) : ("password" as const), method, redirectTo };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const formData = await request.formData();
  requireCsrf(request, formData);
  const db = await getDb();
  const user = await getUser(request, { pendingSecondFactor: true });
  if (user && !isStaff(user)) throw notFound();
  const redirectTo = target(formData.get("redirectTo"), params.lang);
  if (!user) {
    const step = PasswordStepSchema.safeParse(Object.fromEntries(formData));
    const result = step.success
      ? await verifyStaffPassword(db, { ...step.data, ip: context.clientIp ?? "unknown" })
      : ({ ok: false, reason: "invalid" } as const);
    if (!result.ok)
      return json(
        { error: result.reason === "locked" ? "signIn.locked" : "signIn.invalid", field: "email" },
        { status: 400 }
      );
    const cookie = await startSession(request, result.userId, context.clientIp ?? null);
    return redirect(`/${params.lang}/staff/sign-in?redirectTo=${encodeURIComponent(redirectTo)}`, {
      status: 303,
      headers: { "Set-Cookie": cookie },
    });
  }
  const parsed = CodeStepSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return json({ error: "security.invalid", field: "code" }, { status: 400 });
  if (parsed.data.method === "recovery") {
    const ctx = {
      actorId: user.id,
      actorEmail: user.email,
      ip: context.clientIp ?? null,
      userAgent: request.headers.get("User-Agent")?.slice(0, 300) ?? null,
    };
    const result = await redeemRecoveryCode(db, ctx, parsed.data.code);
    if (!result.ok)
      return json(
        { error: result.reason === "locked" ? "signIn.locked" : "security.signIn.badCode", field: "recoveryCode" },
        { status: 400 }
      );
  } else {
    const result = await verifyStaffTotp(db, user.id, parsed.data.code);
    if (!result.ok)
      return json(
        { error: result.reason === "locked" ? "signIn.locked" : "signIn.badCode", field: "code" },
        { status: 400 }
      );
  }
  await markSecondFactor(user.id_hash);
  return redirect(redirectTo, 303);
}

export default function StaffSignIn() {
  const { step, method, redirectTo } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const { t } = useTranslation("staff");
  const errors = failed ? [{ fieldId: failed.field, messageKey: `staff:${failed.error}` }] : [];
  const fieldError = (id: string) => (failed?.field === id ? `staff:${failed.error}` : undefined);
  const other = `?method=${method === "recovery" ? "totp" : "recovery"}&redirectTo=${encodeURIComponent(redirectTo)}`;
  const title =
    step === "password"
      ? t("signIn.title")
      : method === "recovery"
      ? t("security.signIn.title")
      : t("signIn.codeTitle");
  return (
    <div className="narrow">
      <ErrorSummary errors={errors} />
      <h1>{title}</h1>
      <Form method="post" noValidate>
        <CsrfInput />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        {step === "password" ? (
          <>
            <div className="field">
              <label htmlFor="email">{t("signIn.email")}</label>
              <FieldError id="email-error" messageKey={fieldError("email")} />
              <input
                id="email"
                name="email"
                type="email"
                autoComplete="username"
                aria-invalid={failed?.field === "email" || undefined}
                aria-describedby={failed ? "email-error" : undefined}
              />
            </div>
            <div className="field">
              <label htmlFor="password">{t("signIn.password")}</label>
              <input id="password" name="password" type="password" autoComplete="current-password" />
            </div>
          </>
        ) : method === "recovery" ? (
          <div className="field">
            <input type="hidden" name="method" value="recovery" />
            <label htmlFor="recoveryCode">{t("security.signIn.label")}</label>
            <p className="hint" id="recoveryCode-hint">
              {t("security.signIn.hint")}
            </p>
            <FieldError id="recoveryCode-error" messageKey={fieldError("recoveryCode")} />
            <input
              id="recoveryCode"
              name="code"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              maxLength={40}
              aria-invalid={failed?.field === "recoveryCode" || undefined}
              aria-describedby={failed ? "recoveryCode-hint recoveryCode-error" : "recoveryCode-hint"}
            />
          </div>
        ) : (
          <div className="field">
            <input type="hidden" name="method" value="totp" />
            <label htmlFor="code">{t("signIn.code")}</label>
            <p className="hint" id="code-hint">
              {t("signIn.codeHint")}
            </p>
            <FieldError id="code-error" messageKey={fieldError("code")} />
            <input
              id="code"
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              aria-invalid={failed?.field === "code" || undefined}
              aria-describedby={failed ? "code-hint code-error" : "code-hint"}
            />
          </div>
        )}
        <button type="submit">{step === "password" ? t("signIn.continue") : t("signIn.verify")}</button>
      </Form>
      {step === "code" ? (
        <p>
          <Link to={other}>
            {method === "recovery" ? t("security.signIn.useTotp") : t("security.signIn.useRecovery")}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
