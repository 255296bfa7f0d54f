import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RuleAlertList } from "~/components/rule-alerts";
import { AccountBar } from "~/components/sign-out";
import { StatusTag } from "~/components/status-tag";
import { getDb } from "~/lib/db.server";
import { notFound } from "~/lib/http/responses";
import { isLang, type Lang } from "~/lib/i18n/config";
import { formatDate } from "~/lib/i18n/format";
import { getFixedT } from "~/lib/i18n/i18n.server";
import { useLang } from "~/lib/i18n/use-lang";
import { pageMeta } from "~/lib/meta";
import { requireUser } from "~/modules/accounts/session.server";
import { alertSourceLinks, listUserAlerts } from "~/modules/alerts/alerts.server";
import { listApplicantCases } from "~/modules/cases/cases.server";
import { listDrafts } from "~/modules/cases/drafts.server";

export const handle = { i18n: ["account", "cases", "eligibility"] };
export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

export async function loader({ params, request }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const user = await requireUser(request);
  const db = await getDb();
  const [cases, drafts, alerts] = await Promise.all([
    listApplicantCases(db, user.id),
    listDrafts(db, user.id),
    listUserAlerts(db, user.id),
  ]);
  const t = await getFixedT(params.lang, "cases");
  return {
    email: user.email,
    cases,
    drafts,
    alerts,
    alertSources: alertSourceLinks(alerts),
    meta: { title: t("list.title") },
  };
}

type CaseRow = ReturnType<typeof useLoaderData<typeof loader>>["cases"][number];

function CaseCards({ lang, cases }: { lang: Lang; cases: CaseRow[] }) {
  const { t } = useTranslation("cases");
  return (
    <ul className="case-list">
      {cases.map((c) => (
        <li key={c.id} className={c.unread ? "card card-unread" : "card"}>
          <h3>
            <Link to={`/${lang}/account/cases/${c.reference}`}>{c.reference}</Link>
            {c.unread ? (
              <>
                {" "}
                <span className="tag tag-unread">{t("list.unread")}</span>
              </>
            ) : null}
          </h3>
          <p>{c.kind === "application" && c.pathway ? t(`common:pathways.${c.pathway}`) : t("kind.consultation")}</p>
          <p>
            <StatusTag status={c.status} />
          </p>
          <p className="muted">{t("list.lastActivity", { date: formatDate(lang, c.last_activity_at) })}</p>
        </li>
      ))}
    </ul>
  );
}

export default function CaseList() {
  const { email, cases, drafts, alerts, alertSources } = useLoaderData<typeof loader>();
  const { t } = useTranslation("cases");
  const lang = useLang();
  return (
    <>
      <AccountBar lang={lang} email={email} />
      <h1>{t("list.title")}</h1>
      <div className="button-row">
        <Link className="button" to={`/${lang}/contact/new`}>
          {t("list.newConsultation")}
        </Link>
        <Link className="button button-secondary" to={`/${lang}/account/applications/new`}>
          {t("list.newApplication")}
        </Link>
      </div>
      {drafts.length ? (
        <section aria-labelledby="drafts-title">
          <h2 id="drafts-title">{t("list.drafts")}</h2>
          <ul>
            {drafts.map((d) => (
              <li key={d.id}>
                <Link to={`/${lang}/account/applications/${d.id}`}>{t(`common:pathways.${d.pathway}`)}</Link>{" "}
                <span className="muted">{t("list.savedOn", { date: formatDate(lang, d.updated_at) })}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {alerts.length ? (
        <section aria-labelledby="rule-alerts-title">
          <h2 id="rule-alerts-title">{t("alerts.listTitle")}</h2>
          <RuleAlertList lang={lang} alerts={alerts} sources={alertSources} />
        </section>
      ) : null}
      <h2>{t("list.cases")}</h2>
      {cases.length === 0 ? <p>{t("list.none")}</p> : null}
      <CaseCards lang={lang} cases={cases} />
      <nav aria-label={t("list.accountNav")}>
        <ul className="account-nav">
          <li>
            <Link to={`/${lang}/account/reminders`}>{t("list.reminders")}</Link>
          </li>
          <li>
            <Link to={`/${lang}/account/privacy`}>{t("list.privacy")}</Link>
          </li>
        </ul>
      </nav>
    </>
  );
}
