import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/lib/i18n/format";
import { useLang } from "~/lib/i18n/use-lang";
import type { PresentedEvaluation, SourceMap } from "~/modules/eligibility/present";
import { CriterionItem, SourceLinks } from "./criterion-item";
import { RuleInfoSections } from "./rule-info";

const OUTCOME_TAG = { eligible: "tag-ok", "possibly-eligible": "tag-warn", "not-eligible": "tag-no", "not-applicable": "" } as const;

/** One pathway's result: outcome, reasons per criterion, evidence, documents, benefits, links and next steps. */
export function EvaluationCard({ e, checkId, sources }: { e: PresentedEvaluation; checkId: string; sources: SourceMap }) {
  const { t } = useTranslation("eligibility");
  const lang = useLang();
  const positive = e.outcome === "eligible" || e.outcome === "possibly-eligible";
  const evidence = e.criteria.filter((c) => c.evidenceKey && c.status === "met");
  const headingId = `pathway-${e.pathway}`;
  return (
    <section className="card evaluation" aria-labelledby={headingId}>
      <h2 id={headingId}>{t(`common:pathways.${e.pathway}`)}</h2>
      <p>
        <span className={`tag ${OUTCOME_TAG[e.outcome]}`}>{t(`outcomes.${e.outcome}`)}</span> <span className="tag">{t(`ruleStatus.${e.status}`)}</span>
      </p>
      <p>{e.reason ? t(`reasons.${e.reason}`) : t(`outcomeHelp.${e.outcome}`)}</p>
      {e.info?.labels?.length ? (
        <ul>
          {e.info.labels.map((l) => (
            <li key={l.id}>
              {t(`labels.${e.pathway}.${l.id}`)} <span className="source-note">(<SourceLinks ids={l.sources} sources={sources} />)</span>
            </li>
          ))}
        </ul>
      ) : null}
      {e.criteria.length ? (
        <>
          <h3>{t("results.criteria")}</h3>
          <ul className="criteria">
            {e.criteria.map((c) => (
              <CriterionItem key={c.id} c={c} sources={sources} />
            ))}
          </ul>
        </>
      ) : null}
      {e.missingFacts.length ? (
        <>
          <h3>{t("results.missing")}</h3>
          <ul>
            {e.missingFacts.map((f) => (
              <li key={f}>{t(`facts.${f}.label`)}</li>
            ))}
          </ul>
        </>
      ) : null}
      {positive && evidence.length ? (
        <>
          <h3>{t("results.evidence")}</h3>
          <ul className="checklist">
            {evidence.map((c) => (
              <li key={c.id}>{t(c.evidenceKey!)}</li>
            ))}
          </ul>
        </>
      ) : null}
      {positive && e.info ? <RuleInfoSections pathway={e.pathway} info={e.info} sources={sources} /> : null}
      {e.info ? <p className="muted">{t("results.ruleSet", { version: e.ruleSetVersion, from: formatDate(lang, e.info.effectiveFrom) })}</p> : null}
      <div className="button-row no-print">
        {positive && e.openForApplications ? (
          <Link className="button" to={`/${lang}/account/applications/new?check=${encodeURIComponent(checkId)}&pathway=${e.pathway}`}>
            {t("results.startApplication")}
          </Link>
        ) : null}
        {positive || !e.openForApplications ? (
          <Link className={e.openForApplications ? "button button-secondary" : "button"} to={`/${lang}/contact`}>
            {t("results.consultant")}
          </Link>
        ) : null}
        <Link to={`/${lang}/pathways/${e.pathway}`}>{t("results.readGuide")}</Link>
      </div>
    </section>
  );
}
