import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "~/lib/i18n/format";
import { notFound } from "~/lib/http/responses";
import { pageMeta } from "~/lib/meta";
import { listAudit } from "~/modules/staff/audit.server";
import { staffLoader } from "~/modules/staff/staff-page.server";
import { ScrollRegion } from "~/components/scroll-region";

export const handle = { i18n: ["staff"] };
export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

/** Read-only by design: the audit log has no action, and the table refuses UPDATE and DELETE. */
export async function loader(args: LoaderFunctionArgs) {
  const { lang, user, db, t } = await staffLoader(args, { supervisor: true });
  const url = new URL(args.request.url);
  const filter = {
    reference: url.searchParams.get("reference")?.trim().slice(0, 40) || undefined,
    actor: url.searchParams.get("actor")?.trim().slice(0, 200) || undefined,
    before: url.searchParams.get("before") ?? undefined,
  };
  const rows = await listAudit(db, { ...filter, limit: 100 });
  return {
    meta: { title: t("audit.title") },
    lang,
    role: user.role,
    filter,
    rows,
    older: rows.length === 100 ? rows.at(-1)!.id : null,
  };
}

/** Nothing to post here: staff get the same 404 as everyone else (no 405 that would reveal the page). */
export async function action(args: ActionFunctionArgs) {
  await staffLoader(args, { supervisor: true });
  throw notFound();
}

export default function Audit() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation("staff");
  const q = new URLSearchParams(
    Object.entries({ reference: d.filter.reference ?? "", actor: d.filter.actor ?? "" }).filter(([, v]) => v)
  );
  return (
    <>
      <h1>{t("audit.title")}</h1>
      <Form method="get" className="inbox-filters">
        <div className="field">
          <label htmlFor="reference">{t("audit.reference")}</label>
          <input id="reference" name="reference" defaultValue={d.filter.reference ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="actor">{t("audit.actor")}</label>
          <input id="actor" name="actor" type="email" defaultValue={d.filter.actor ?? ""} />
        </div>
        <button type="submit">{t("audit.filter")}</button>
      </Form>
      <p>
        <a href={`/${d.lang}/staff/export/audit?${q.toString()}`} download>
          {t("audit.csv")}
        </a>
      </p>
      <ScrollRegion label={t("audit.title")}>
        <table>
          <caption className="visually-hidden">{t("audit.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("audit.when")}</th>
              <th scope="col">{t("audit.who")}</th>
              <th scope="col">{t("audit.action")}</th>
              <th scope="col">{t("audit.case")}</th>
              <th scope="col">{t("audit.from")}</th>
              <th scope="col">{t("audit.detail")}</th>
            </tr>
          </thead>
          <tbody>
            {d.rows.map((r) => (
              <tr key={r.id}>
                <td>{formatDateTime(d.lang, r.created_at)}</td>
                <td>{r.actor_email}</td>
                <td>
                  <code>{r.action}</code>
                </td>
                <td>
                  {r.case_reference ? (
                    <Link to={`/${d.lang}/staff/cases/${r.case_reference}`}>{r.case_reference}</Link>
                  ) : (
                    "—"
                  )}
                </td>
                <td>{r.ip}</td>
                <td>
                  {Object.keys(r.detail).length ? (
                    <details>
                      <summary>{t("audit.show")}</summary>
                      <pre className="audit-detail">{JSON.stringify(r.detail, null, 2)}</pre>
                    </details>
                  ) : (
                    "—"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {d.rows.length === 0 ? <p>{t("audit.empty")}</p> : null}
      {d.older ? (
        <p>
          <Link to={`?${q.toString()}&before=${d.older}`}>{t("audit.older")}</Link>
        </p>
      ) : null}
    </>
  );
}
