import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EvaluationCard } from "~/components/eligibility/evaluation-card";
import { notFound } from "~/lib/http/responses";
import { isLang } from "~/lib/i18n/config";
import { formatDate } from "~/lib/i18n/format";
import { getFixedT } from "~/lib/i18n/i18n.server";
import { useLang } from "~/lib/i18n/use-lang";
import { pageMeta } from "~/lib/meta";
import { getDb } from "~/lib/db.server";
import { completedResult } from "~/modules/eligibility/checks.server";
import { presentResult } from "~/modules/eligibility/present.server";
import type { PresentedEvaluation } from "~/modules/eligibility/present";

export const handle = { i18n: ["eligibility"], pageCache: true };

export const meta: MetaFunction<typeof loader> = ({ data }) => [...pageMeta(data), { name: "robots", content: "noindex" }];

export async function loader({ params }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const result = params.id ? await completedResult(await getDb(), params.id) : null;
  if (!params.id || !result) throw notFound();
  const t = await getFixedT(params.lang, "eligibility");
  return { id: params.id, ...presentResult(result), meta: { title: t("meta.results") } };
}

export default function Results() {
  const { id, asOf, evaluations, sources } = useLoaderData<typeof loader>();
  const { t } = useTranslation("eligibility");
  const lang = useLang();
  return (
    <>
      <h1>{t("results.title")}</h1>
      <p className="lead">{t("results.asOf", { date: formatDate(lang, asOf) })}</p>
      <p className="muted">{t("results.bookmark")}</p>
      <nav aria-labelledby="results-summary" className="results-summary">
        <h2 id="results-summary">{t("results.summary")}</h2>
        <ul>
          {evaluations.map((e) => (
            <li key={e.pathway}>
              <a href={`#pathway-${e.pathway}`}>{t(`common:pathways.${e.pathway}`)}</a>: {t(`outcomes.${e.outcome}`)}
            </li>
          ))}
        </ul>
      </nav>
      {evaluations.map((e) => (
        <EvaluationCard key={e.pathway} e={e as PresentedEvaluation} checkId={id} sources={sources} />
      ))}
      <p className="muted no-print">{t("results.print")}</p>
      <p className="no-print">
        <Link to={`/${lang}/eligibility`}>{t("results.again")}</Link>
      </p>
    </>
  );
}
