import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/forms";
import { InboxFilterForm } from "~/components/staff/inbox-filters";
import { TimeLeft } from "~/components/staff/time-left";
import { countryOptions } from "~/lib/i18n/countries";
import { formatDateTime, formatNumber } from "~/lib/i18n/format";
import { pageMeta } from "~/lib/meta";
import { recordAudit } from "~/modules/staff/audit.server";
import { linkFor } from "~/modules/notifications/outbox.server";
import { bulkChange } from "~/modules/staff/bulk.server";
import { caseAbout, langName } from "~/modules/staff/case-words";
import { caseStatuses, COUNT_CAP, inboxTabs, parseInboxFilters, SEARCH_CAP } from "~/modules/staff/inbox.schema";
import { listCases } from "~/modules/staff/inbox.server";
import { listStaff } from "~/modules/staff/staff-auth.server";
import { officeIds, staffAction, staffLoader } from "~/modules/staff/staff-page.server";
import { ScrollRegion } from "~/components/scroll-region";

export const handle = { i18n: ["staff"] };
export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

export async function loader(args: LoaderFunctionArgs) {
  const { lang, user, db, t, actor } = await staffLoader(args);
  const url = new URL(args.request.url);
  const filters = parseInboxFilters(url.searchParams);
  const [page, staff, offices] = await Promise.all([listCases(db, filters, user.id), listStaff(db), officeIds()]);
  // A list of cases shows applicants' names: which ones a staff member saw, and through which search, is recorded.
  await recordAudit(db, actor, {
    action: "inbox.view",
    detail: { filters, shown: page.cases.map((c) => c.reference) },
  });
  const result = url.searchParams.get("done");
  const countries = countryOptions(lang);
  return {
    meta: { title: t("inbox.title") },
    lang,
    role: user.role,
    filters,
    page,
    staff,
    offices,
    countries,
    now: new Date().toISOString(),
    result,
  };
}

export async function action(args: ActionFunctionArgs) {
  const { lang, db, actor, formData } = await staffAction(args);
  const result = await bulkChange(db, actor, formData, await officeIds(), linkFor());
  if (!result.ok) return json({ error: true }, { status: 400 });
  const back = new URL(args.request.url).search.replace(/^\?/, "");
  const summary = `${result.done}-${result.conflict}-${result.refused}`;
  return redirect(`/${lang}/staff/inbox?${back ? `${back}&` : ""}done=${summary}`, 303);
}

function count(lang: Parameters<typeof formatNumber>[0], n: number): string {
  return n > COUNT_CAP ? `${formatNumber(lang, COUNT_CAP)}+` : formatNumber(lang, n);
}

export default function Inbox() {
  const { lang, filters, page, staff, offices, countries, now, result } = useLoaderData<typeof loader>();
  const { t } = useTranslation("staff");
  const [params] = useSearchParams();
  const withParams = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    next.delete("cursor");
    next.delete("done");
    for (const [k, v] of Object.entries(changes))
      if (v === null) next.delete(k);
      else next.set(k, v);
    return `?${next.toString()}`;
  };
  const [done, conflict, refused] = (result ?? "").split("-").map(Number);
  return (
    <>
      <h1>{t("inbox.title")}</h1>
      {result ? (
        <p role="status" className="notice">
          {t("bulk.result", { done, conflict, refused })}
        </p>
      ) : null}
      <InboxFilterForm filters={filters} offices={offices} staff={staff} countries={countries} />
      {page.manyMatches ? <p className="notice">{t("inbox.manyMatches", { count: SEARCH_CAP })}</p> : null}
      <nav aria-label={t("inbox.tabsLabel")} className="tabs">
        <ul>
          {inboxTabs.map((tab) => (
            <li key={tab}>
              <Link to={withParams({ tab })} aria-current={filters.tab === tab ? "page" : undefined}>
                {t(`tabs.${tab}`)}{" "}
                {page.tabCounts ? <span className="count">{count(lang, page.tabCounts[tab])}</span> : null}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Form method="post">
        <CsrfInput />
        <ScrollRegion label={t(`tabs.${filters.tab}`)}>
          <table className="inbox">
            <caption className="visually-hidden">{t(`tabs.${filters.tab}`)}</caption>
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">{t("bulk.select")}</span>
                </th>
                <th scope="col">{t("inbox.case")}</th>
                <th scope="col">{t("inbox.applicant")}</th>
                <th scope="col">{t("filters.status")}</th>
                <th scope="col">{t("filters.assignee")}</th>
                <th scope="col">{t("inbox.due")}</th>
                <th scope="col">{t("inbox.activity")}</th>
              </tr>
            </thead>
            <tbody>
              {page.cases.map((c) => (
                <tr key={c.id}>
                  <td>
                    <input
                      type="checkbox"
                      name="case"
                      value={`${c.id}:${c.version}`}
                      aria-label={t("bulk.selectCase", { reference: c.reference })}
                    />
                  </td>
                  <td>
                    <Link to={`/${lang}/staff/cases/${c.reference}`}>{c.reference}</Link>
                    {c.vip ? <span className="tag tag-vip">{t("case.vip")}</span> : null}
                    {c.rules_changed ? <span className="tag tag-rules">{t("ruleAlerts.flag")}</span> : null}
                    <div className="muted">
                      {caseAbout(t, c)} · {c.office ? t(`office.${c.office}`, { defaultValue: c.office }) : "—"} ·{" "}
                      {langName(c.lang)}
                    </div>
                  </td>
                  <td>{c.applicant_name ?? "—"}</td>
                  <td>{t(`status.${c.status}`)}</td>
                  <td>{c.assignee_name ?? t("filters.nobody")}</td>
                  <td>
                    <TimeLeft
                      lang={lang}
                      now={now}
                      due={[c.due_at, c.response_due_at].filter(Boolean).sort()[0] ?? null}
                    />
                  </td>
                  <td>{formatDateTime(lang, c.last_activity_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
        {page.cases.length === 0 ? <p>{t("inbox.empty")}</p> : null}
        <fieldset className="bulk">
          <legend>{t("bulk.legend")}</legend>
          <div className="field">
            <label htmlFor="bulk-assignee">{t("bulk.assignTo")}</label>
            <select id="bulk-assignee" name="assignee" defaultValue="none">
              <option value="none">{t("filters.nobody")}</option>
              {staff.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" name="intent" value="bulk-assign" className="secondary">
            {t("bulk.assign")}
          </button>
          <div className="field">
            <label htmlFor="bulk-status">{t("bulk.statusTo")}</label>
            <select id="bulk-status" name="status" defaultValue="in_review">
              {caseStatuses.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="bulk-reason">{t("case.reason")}</label>
            <input id="bulk-reason" name="reason" />
          </div>
          <button type="submit" name="intent" value="bulk-status" className="secondary">
            {t("bulk.setStatus")}
          </button>
        </fieldset>
      </Form>
      {page.nextCursor ? (
        <p>
          <Link to={`${withParams({})}&cursor=${page.nextCursor}`} rel="next">
            {t("inbox.next")}
          </Link>
        </p>
      ) : null}
      <p>
        <Link to={`/${lang}/staff/inbox`}>{t("inbox.reset")}</Link>
      </p>
    </>
  );
}
