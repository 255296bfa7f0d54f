import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { notFound } from "~/lib/http/responses";
import { isLang } from "~/lib/i18n/config";
import { formatDate } from "~/lib/i18n/format";
import { getFixedT } from "~/lib/i18n/i18n.server";
import { useLang } from "~/lib/i18n/use-lang";
import { pageMeta } from "~/lib/meta";
import { comparison } from "~/modules/eligibility/describe.server";
import { formatValue } from "~/modules/eligibility/format-value";

export const handle = { i18n: ["eligibility"], pageCache: true };

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

export async function loader({ params }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const t = await getFixedT(params.lang, "eligibility");
  return { pathways: comparison(), meta: { title: t("guide.title"), description: t("guide.lead") } };
}

export default function Pathways() {
  const { pathways } = useLoaderData<typeof loader>();
  const { t } = useTranslation("eligibility");
  const lang = useLang();
  return (
    <>
      <h1>{t("guide.title")}</h1>
      <p className="lead">{t("guide.lead")}</p>
      <p>
        <Link className="button" to={`/${lang}/eligibility`}>
          {t("guide.checkCta")}
        </Link>
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="compare-caption">
        <table className="compare">
          <caption id="compare-caption">{t("guide.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("guide.pathway")}</th>
              <th scope="col">{t("guide.status")}</th>
              <th scope="col">{t("guide.forWhom")}</th>
              <th scope="col">{t("guide.keyFigures")}</th>
              <th scope="col">{t("guide.since")}</th>
              <th scope="col">{t("guide.open")}</th>
            </tr>
          </thead>
          <tbody>
            {pathways.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  <Link to={`/${lang}/pathways/${p.id}`}>{t(`common:pathways.${p.id}`)}</Link>
                </th>
                <td data-label={t("guide.status")}>{t(`ruleStatus.${p.status}`)}</td>
                <td data-label={t("guide.forWhom")}>{t(`pathways.${p.id}.summary`)}</td>
                <td data-label={t("guide.keyFigures")}>
                  <ul className="plain">
                    {p.figures.map((f) => (
                      <li key={f.name}>
                        {t(`guide.figures.${f.name}`, { value: formatValue(t, lang, "", f.value, f.unit) })}
                      </li>
                    ))}
                  </ul>
                </td>
                <td data-label={t("guide.since")}>{p.effectiveFrom ? formatDate(lang, p.effectiveFrom) : "–"}</td>
                <td data-label={t("guide.open")}>{t(p.openForApplications ? "guide.openYes" : "guide.openNo")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <Link to={`/${lang}/developers`}>{t("guide.apiLink")}</Link>
      </p>
    </>
  );
}
