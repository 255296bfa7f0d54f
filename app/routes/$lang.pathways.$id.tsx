import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GuideCriteria } from "~/components/eligibility/guide-criteria";
import { SourceLinks } from "~/components/eligibility/criterion-item";
import { RuleInfoSections } from "~/components/eligibility/rule-info";
import { notFound } from "~/lib/http/responses";
import { isLang } from "~/lib/i18n/config";
import { formatDate } from "~/lib/i18n/format";
import { getFixedT } from "~/lib/i18n/i18n.server";
import { useLang } from "~/lib/i18n/use-lang";
import { pageMeta } from "~/lib/meta";
import { guideHtml } from "~/modules/content/guides.server";
import { guideData } from "~/modules/eligibility/describe.server";
import { PATHWAYS, type PathwayId } from "~/modules/eligibility/rules.schema";

export const handle = { i18n: ["eligibility"], pageCache: true };

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

export async function loader({ params }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  if (!(PATHWAYS as readonly string[]).includes(params.id ?? "")) throw notFound();
  const id = params.id as PathwayId;
  const data = guideData(id);
  const html = guideHtml(id, params.lang);
  if (!data || !html) throw notFound();
  const t = await getFixedT(params.lang, "eligibility");
  return { ...data, html, meta: { title: t(`common:pathways.${id}`), description: t(`pathways.${id}.summary`) } };
}

export default function PathwayGuide() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation("eligibility");
  const lang = useLang();
  return (
    <>
      <Link to={`/${lang}/pathways`} className="back-link">
        {t("guide.overview")}
      </Link>
      <h1>{t(`common:pathways.${d.pathway}`)}</h1>
      <p>
        <span className="tag">{t(`ruleStatus.${d.status}`)}</span>
      </p>
      <p className="lead">{t(`pathways.${d.pathway}.summary`)}</p>
      {d.info.labels?.length ? (
        <ul>
          {d.info.labels.map((l) => (
            <li key={l.id}>{t(`labels.${d.pathway}.${l.id}`)}</li>
          ))}
        </ul>
      ) : null}
      <div className="guide-prose" dangerouslySetInnerHTML={{ __html: d.html }} />
      <h2>{t("guide.whoQualifies")}</h2>
      <GuideCriteria criteria={d.criteria} sources={d.sources} />
      <RuleInfoSections pathway={d.pathway} info={d.info} sources={d.sources} headingLevel={2} fees />
      <h2>{t("guide.sources")}</h2>
      <ul className="source-note">
        {Object.keys(d.sources).map((id) => (
          <li key={id}>
            <SourceLinks ids={[id]} sources={d.sources} /> – {d.sources[id]?.title}
          </li>
        ))}
      </ul>
      <p className="muted">
        {t("results.rulesFrom", {
          from: formatDate(lang, d.info.effectiveFrom),
          reviewed: formatDate(lang, d.info.lastReviewed),
        })}
      </p>
      <p>
        <Link className="button" to={`/${lang}/eligibility`}>
          {t("guide.checkCta")}
        </Link>
      </p>
    </>
  );
}
