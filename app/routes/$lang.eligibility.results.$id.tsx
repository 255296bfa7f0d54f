import type { SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { actionable, CompactEvaluation, EvaluationCard, OUTCOME_TAG } from "~/components/eligibility/evaluation-card";
import { RatesTable } from "~/components/eligibility/rates-table";
import { ResultRuleAlerts, RuleAlertsOffer, StaleRulesNotice } from "~/components/eligibility/result-rule-alerts";
import { notFound } from "~/lib/http/responses";
import { isLang } from "~/lib/i18n/config";
import { formatDate } from "~/lib/i18n/format";
import { getFixedT } from "~/lib/i18n/i18n.server";
import { useLang } from "~/lib/i18n/use-lang";
import { pageMeta } from "~/lib/meta";
import { getDb } from "~/lib/db.server";
import { resultAlertsState, resultsAction } from "~/modules/alerts/results-alerts.server";
import { completedResult } from "~/modules/eligibility/checks.server";
import { presentResult } from "~/modules/eligibility/present.server";
import { verdictKey, type PresentedEvaluation } from "~/modules/eligibility/present";

export const handle = { i18n: ["eligibility"], pageCache: true };

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  ...pageMeta(data),
  { name: "robots", content: "noindex" },
];

export async function loader({ params, request }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const result = params.id ? await completedResult(await getDb(), params.id) : null;
  if (!params.id || !result) throw notFound();
  const t = await getFixedT(params.lang, "eligibility");
  const alerts = await resultAlertsState(request, params.lang, params.id, result);
  return { id: params.id, ...presentResult(result), alerts, meta: { title: t("meta.results") } };
}

export async function action({ params, request }: ActionFunctionArgs) {
  if (!isLang(params.lang) || !params.id) throw notFound();
  return resultsAction(request, params.lang, params.id);
}

export default function Results() {
  const { id, asOf, evaluations, sources, rates, alerts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as { result: SubmissionResult<string[]> } | undefined;
  const { t } = useTranslation("eligibility");
  const lang = useLang();
  const list = evaluations as PresentedEvaluation[];
  const actionableOnes = list.filter(actionable);
  const others = list.filter((e) => !actionable(e));
  return (
    <>
      <h1>{t("results.title")}</h1>
      <p className="lead results-lead">{t("results.asOf", { date: formatDate(lang, asOf) })}</p>
      {alerts.stale.length ? <StaleRulesNotice lang={lang} asOf={asOf} stale={alerts.stale} /> : null}
      <nav aria-labelledby="results-summary" className="results-summary">
        <h2 id="results-summary" className="visually-hidden">
          {t("results.summary")}
        </h2>
        <ul>
          {evaluations.map((e) => (
            <li key={e.pathway}>
              <a href={`#pathway-${e.pathway}`}>{t(`common:pathways.${e.pathway}`)}</a>
              <span className={`tag ${OUTCOME_TAG[e.outcome]}`}>{t(verdictKey(e))}</span>
            </li>
          ))}
        </ul>
      </nav>
      {actionableOnes.map((e) => (
        <EvaluationCard key={e.pathway} e={e} checkId={id} sources={sources} />
      ))}
      {others.length ? (
        <section aria-labelledby="other-pathways" className="card other-pathways">
          <h2 id="other-pathways">{t(actionableOnes.length ? "results.otherPathways" : "results.allPathways")}</h2>
          {others.map((e) => (
            <CompactEvaluation key={e.pathway} e={e} sources={sources} />
          ))}
        </section>
      ) : null}
      {rates ? (
        <RatesTable asOf={asOf} maxAgeDays={rates.maxAgeDays} table={rates.table} used={rates.used} sources={sources} />
      ) : null}
      <ResultRuleAlerts lang={lang} state={alerts} lastResult={actionData?.result} />
      <p className="muted">
        {t("results.bookmark")}{" "}
        <span className="no-print">
          {t("results.print")} <Link to={`/${lang}/eligibility`}>{t("results.again")}</Link>
          <RuleAlertsOffer state={alerts} />
        </span>
      </p>
    </>
  );
}
