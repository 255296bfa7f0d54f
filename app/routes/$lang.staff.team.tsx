import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput, ErrorSummary } from "~/components/forms";
import { OneTimeSecrets } from "~/components/staff/one-time-secrets";
import { NO_STORE, noStoreAfterSecretAction } from "~/lib/http/no-store";
import { pageMeta } from "~/lib/meta";
import { officeIds, staffAction, staffLoader } from "~/modules/staff/staff-page.server";
import { addStaffMember, listTeam, resetAuthenticator } from "~/modules/staff/team.server";
import { ScrollRegion } from "~/components/scroll-region";

export const handle = { i18n: ["staff"] };
export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);
export const headers = noStoreAfterSecretAction;

export async function loader(args: LoaderFunctionArgs) {
  const { lang, user, db, t } = await staffLoader(args, { supervisor: true });
  const [team, offices] = await Promise.all([listTeam(db), officeIds()]);
  const resetId = new URL(args.request.url).searchParams.get("reset");
  const confirm = team.find((m) => m.id === resetId && m.id !== user.id) ?? null;
  return { meta: { title: t("team.title") }, lang, role: user.role, userId: user.id, team, offices, confirm };
}

/** The new member's (or reset member's) secret and codes are rendered in this response only (README "Decisions"). */
export async function action(args: ActionFunctionArgs) {
  const { db, actor, formData } = await staffAction(args, { supervisor: true });
  const reset = formData.get("intent") === "reset";
  const outcome = reset
    ? await resetAuthenticator(db, actor, formData)
    : await addStaffMember(db, actor, formData, await officeIds());
  if (!outcome.ok) {
    const error = reset
      ? `staff:security.reset.${outcome.reason === "self" ? "self" : "invalid"}`
      : `staff:team.${outcome.reason}`;
    return json({ error, fieldId: reset ? "team-table" : "email", reset, enrolment: null }, { status: 400 });
  }
  return json({ error: null, fieldId: null, reset, enrolment: outcome.enrolment }, { headers: NO_STORE });
}

export default function Team() {
  const { lang, userId, team, offices, confirm } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("staff");
  const enrolment = result?.enrolment;
  return (
    <>
      <ErrorSummary errors={result?.error ? [{ fieldId: result.fieldId ?? "email", messageKey: result.error }] : []} />
      <h1>{t("team.title")}</h1>
      {enrolment ? (
        <OneTimeSecrets
          title={t(result.reset ? "security.reset.done" : "security.created", { email: enrolment.email })}
          totp={{ secret: enrolment.secret, otpauth: enrolment.otpauth }}
          codes={enrolment.recoveryCodes}
        />
      ) : null}
      {confirm && !enrolment ? (
        <Form method="post" action={`/${lang}/staff/team`} className="card narrow">
          <h2>{t("security.reset.confirmTitle", { name: confirm.name, email: confirm.email })}</h2>
          <p>{t("security.reset.hint")}</p>
          <CsrfInput />
          <input type="hidden" name="intent" value="reset" />
          <input type="hidden" name="userId" value={confirm.id} />
          <button type="submit">{t("security.reset.button")}</button>{" "}
          <Link to={`/${lang}/staff/team`}>{t("security.reset.cancel")}</Link>
        </Form>
      ) : null}
      <ScrollRegion label={t("team.title")} className="team-table" id="team-table">
        <table>
          <caption className="visually-hidden">{t("team.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("team.name")}</th>
              <th scope="col">{t("team.email")}</th>
              <th scope="col">{t("team.role")}</th>
              <th scope="col">{t("team.office")}</th>
              <th scope="col">{t("team.totp")}</th>
              <th scope="col">{t("security.reset.column")}</th>
            </tr>
          </thead>
          <tbody>
            {team.map((m) => (
              <tr key={m.id}>
                <td>{m.name}</td>
                <td>{m.email}</td>
                <td>{t(`team.roles.${m.role}`)}</td>
                <td>{m.office ? t(`office.${m.office}`, { defaultValue: m.office }) : "—"}</td>
                <td>{m.pending ? t("team.pending") : t("team.enrolled")}</td>
                <td>
                  {m.id === userId ? (
                    "—"
                  ) : (
                    <Link to={`?reset=${m.id}`} aria-label={t("security.reset.buttonFor", { name: m.name })}>
                      {t("security.reset.button")}
                    </Link>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <Form method="post" className="card narrow">
        <h2>{t("team.add")}</h2>
        <CsrfInput />
        <div className="field">
          <label htmlFor="email">{t("team.email")}</label>
          <input id="email" name="email" type="email" autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="name">{t("team.name")}</label>
          <input id="name" name="name" />
        </div>
        <div className="field">
          <label htmlFor="role">{t("team.role")}</label>
          <select id="role" name="role">
            <option value="consultant">{t("team.roles.consultant")}</option>
            <option value="supervisor">{t("team.roles.supervisor")}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="office">{t("team.office")}</label>
          <select id="office" name="office">
            {offices.map((o) => (
              <option key={o} value={o}>
                {t(`office.${o}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="password">{t("team.password")}</label>
          <input id="password" name="password" type="password" autoComplete="new-password" />
        </div>
        <button type="submit">{t("team.add")}</button>
      </Form>
    </>
  );
}
