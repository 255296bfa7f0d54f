import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput, ErrorSummary } from "~/components/forms";
import { StaffNav } from "~/components/staff/staff-nav";
import { pageMeta } from "~/lib/meta";
import { officeIds, staffAction, staffLoader } from "~/modules/staff/staff-page.server";
import { addStaffMember, listTeam } from "~/modules/staff/team.server";

export const handle = { i18n: ["staff"] };
export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

export async function loader(args: LoaderFunctionArgs) {
  const { lang, user, db, t } = await staffLoader(args, { supervisor: true });
  const [team, offices] = await Promise.all([listTeam(db), officeIds()]);
  return { meta: { title: t("team.title") }, lang, role: user.role, team, offices };
}

export async function action(args: ActionFunctionArgs) {
  const { lang, db, actor, formData } = await staffAction(args, { supervisor: true });
  const outcome = await addStaffMember(db, actor, formData, await officeIds());
  if (!outcome.ok) return json({ error: `staff:team.${outcome.reason}` }, { status: 400 });
  return redirect(`/${lang}/staff/team`, 303);
}

export default function Team() {
  const { lang, role, team, offices } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const { t } = useTranslation("staff");
  return (
    <>
      <StaffNav lang={lang} role={role} />
      <ErrorSummary errors={failed ? [{ fieldId: "email", messageKey: failed.error }] : []} />
      <h1>{t("team.title")}</h1>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t("team.title")}>
        <table>
          <caption className="visually-hidden">{t("team.title")}</caption>
          <thead><tr><th scope="col">{t("team.name")}</th><th scope="col">{t("team.email")}</th><th scope="col">{t("team.role")}</th><th scope="col">{t("team.office")}</th><th scope="col">{t("team.totp")}</th></tr></thead>
          <tbody>
            {team.map((m) => (
              <tr key={m.id}>
                <td>{m.name}</td>
                <td>{m.email}</td>
                <td>{t(`team.roles.${m.role}`)}</td>
                <td>{m.office ? t(`office.${m.office}`, { defaultValue: m.office }) : "—"}</td>
                <td>{m.pending ? <>{t("team.pending")}: <code>{m.pending.secret}</code></> : t("team.enrolled")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Form method="post" className="card narrow">
        <h2>{t("team.add")}</h2>
        <CsrfInput />
        <div className="field"><label htmlFor="email">{t("team.email")}</label><input id="email" name="email" type="email" autoComplete="off" /></div>
        <div className="field"><label htmlFor="name">{t("team.name")}</label><input id="name" name="name" /></div>
        <div className="field">
          <label htmlFor="role">{t("team.role")}</label>
          <select id="role" name="role"><option value="consultant">{t("team.roles.consultant")}</option><option value="supervisor">{t("team.roles.supervisor")}</option></select>
        </div>
        <div className="field">
          <label htmlFor="office">{t("team.office")}</label>
          <select id="office" name="office">{offices.map((o) => <option key={o} value={o}>{t(`office.${o}`)}</option>)}</select>
        </div>
        <div className="field"><label htmlFor="password">{t("team.password")}</label><input id="password" name="password" type="password" autoComplete="new-password" /></div>
        <button type="submit">{t("team.add")}</button>
      </Form>
    </>
  );
}
