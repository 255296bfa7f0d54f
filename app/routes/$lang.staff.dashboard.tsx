import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BarChart } from "~/components/staff/bar-chart";
import { ScrollRegion } from "~/components/scroll-region";
import { countryName } from "~/lib/i18n/countries";
import { formatDate, formatNumber } from "~/lib/i18n/format";
import { notFound } from "~/lib/http/responses";
import { pageMeta } from "~/lib/meta";
import { dimensionLabel } from "~/modules/staff/case-words";
import { backlog, breakdown, trend } from "~/modules/staff/dashboard.server";
import { dimensions, periods, type Dimension, type Period } from "~/modules/staff/dashboard.schema";
import { staffLoader } from "~/modules/staff/staff-page.server";

export const handle = { i18n: ["staff", "cases"] };
export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

export async function loader(args: LoaderFunctionArgs) {
  const { lang, user, db, t } = await staffLoader(args, { supervisor: true });
  const url = new URL(args.request.url);
  const period: Period = (periods as readonly string[]).includes(url.searchParams.get("period") ?? "")
    ? (url.searchParams.get("period") as Period)
    : "week";
  const by: Dimension = (dimensions as readonly string[]).includes(url.searchParams.get("by") ?? "")
    ? (url.searchParams.get("by") as Dimension)
    : "pathway";
  const [trendRows, breakdownRows, backlogRows] = await Promise.all([
    trend(db, period),
    breakdown(db, period, by),
    backlog(db),
  ]);
  // Country names come from the server's ICU: a browser's can differ, which would break hydration.
  const breakdownNamed = breakdownRows.map((r) => ({
    ...r,
    value: by === "nationality" && r.value ? countryName(lang, r.value) : r.value,
  }));
  return {
    meta: { title: t("dashboard.title") },
    lang,
    role: user.role,
    period,
    by,
    trend: trendRows,
    breakdown: breakdownNamed,
    backlog: backlogRows,
  };
}

function percent(lang: Parameters<typeof formatNumber>[0], part: number, whole: number): string {
  return whole ? formatNumber(lang, part / whole, { style: "percent" }) : "—";
}

/** The page data (the loader also answers CSV downloads with a Response). */
/** Nothing to post here: staff get the same 404 as everyone else (no 405 that would reveal the page). */
export async function action(args: ActionFunctionArgs) {
  await staffLoader(args, { supervisor: true });
  throw notFound();
}

export default function Dashboard() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation("staff");
  const { lang } = d;
  const start = (iso: string) => formatDate(lang, iso, "medium");
  const name = (value: string | null) => dimensionLabel(t, d.by, value);
  const csv = (view: string) => `/${lang}/staff/export/${view}?period=${d.period}&by=${d.by}`;
  const legend = (
    <ul className="legend">
      <li>
        <span className="bar-a" aria-hidden="true" />
        {t("dashboard.opened")}
      </li>
      <li>
        <span className="bar-b" aria-hidden="true" />
        {t("dashboard.closed")}
      </li>
    </ul>
  );
  return (
    <>
      <h1>{t("dashboard.title")}</h1>
      <Form method="get" className="inbox-filters">
        <div className="field">
          <label htmlFor="period">{t("dashboard.period")}</label>
          <select id="period" name="period" defaultValue={d.period}>
            {periods.map((p) => (
              <option key={p} value={p}>
                {t(`dashboard.per.${p}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="by">{t("dashboard.by")}</label>
          <select id="by" name="by" defaultValue={d.by}>
            {dimensions.map((x) => (
              <option key={x} value={x}>
                {t(`dashboard.dim.${x}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t("filters.apply")}</button>
      </Form>
      <section className="chart" aria-labelledby="trend-title">
        <h2 id="trend-title">{t("dashboard.trend", { period: t(`dashboard.per.${d.period}`) })}</h2>
        {legend}
        <BarChart
          id="chart-trend"
          title={t("dashboard.trend", { period: t(`dashboard.per.${d.period}`) })}
          description={t("dashboard.chartDesc")}
          labels={d.trend.map((r) => start(r.start))}
          series={[
            { label: t("dashboard.opened"), values: d.trend.map((r) => r.opened), className: "bar-a" },
            { label: t("dashboard.closed"), values: d.trend.map((r) => r.closed), className: "bar-b" },
          ]}
        />
        <ScrollRegion label={t("dashboard.trendTable")}>
          <table>
            <caption>{t("dashboard.trendTable")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("dashboard.start")}</th>
                <th scope="col">{t("dashboard.opened")}</th>
                <th scope="col">{t("dashboard.closed")}</th>
                <th scope="col">{t("dashboard.compliance")}</th>
              </tr>
            </thead>
            <tbody>
              {d.trend.map((r) => (
                <tr key={r.start}>
                  <th scope="row">{start(r.start)}</th>
                  <td>{formatNumber(lang, r.opened)}</td>
                  <td>{formatNumber(lang, r.closed)}</td>
                  <td>{percent(lang, r.on_time, r.responded)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
        <p>
          <a href={csv("trend")} download>
            {t("dashboard.csv")}
          </a>
        </p>
      </section>
      <section className="chart" aria-labelledby="breakdown-title">
        <h2 id="breakdown-title">{t("dashboard.breakdown", { by: t(`dashboard.dim.${d.by}`) })}</h2>
        {legend}
        <BarChart
          id="chart-breakdown"
          title={t("dashboard.breakdown", { by: t(`dashboard.dim.${d.by}`) })}
          description={t("dashboard.chartDesc")}
          labels={d.breakdown.map((r) => name(r.value))}
          series={[
            { label: t("dashboard.opened"), values: d.breakdown.map((r) => r.opened), className: "bar-a" },
            { label: t("dashboard.closed"), values: d.breakdown.map((r) => r.closed), className: "bar-b" },
          ]}
        />
        <ScrollRegion label={t("dashboard.breakdownTable")}>
          <table>
            <caption>{t("dashboard.breakdownTable")}</caption>
            <thead>
              <tr>
                <th scope="col">{t(`dashboard.dim.${d.by}`)}</th>
                <th scope="col">{t("dashboard.opened")}</th>
                <th scope="col">{t("dashboard.stillOpen")}</th>
                <th scope="col">{t("dashboard.closed")}</th>
              </tr>
            </thead>
            <tbody>
              {d.breakdown.map((r) => (
                <tr key={r.value ?? "none"}>
                  <th scope="row">{name(r.value)}</th>
                  <td>{formatNumber(lang, r.opened)}</td>
                  <td>{formatNumber(lang, r.open)}</td>
                  <td>{formatNumber(lang, r.closed)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
        <p>
          <a href={csv("breakdown")} download>
            {t("dashboard.csv")}
          </a>
        </p>
      </section>
      <section aria-labelledby="backlog-title">
        <h2 id="backlog-title">{t("dashboard.backlog")}</h2>
        <table>
          <caption className="visually-hidden">{t("dashboard.backlog")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("filters.status")}</th>
              <th scope="col">{t("dashboard.count")}</th>
            </tr>
          </thead>
          <tbody>
            {d.backlog.map((r) => (
              <tr key={r.status}>
                <th scope="row">{t(`status.${r.status}`)}</th>
                <td>{formatNumber(lang, r.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          <a href={csv("backlog")} download>
            {t("dashboard.csv")}
          </a>
        </p>
      </section>
    </>
  );
}
