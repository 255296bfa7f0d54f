import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/lib/i18n/format";
import { useLang } from "~/lib/i18n/use-lang";
import { verdictKey, type PresentedEvaluation, type SourceMap } from "~/modules/eligibility/present";
import { gapText, SourceLinks } from "./criterion-item";
import { Folded, Lead, NextStep } from "./evaluation-parts";

export const OUTCOME_TAG = {
  eligible: "tag-ok",
  "possibly-eligible": "tag-warn",
  "not-eligible": "tag-no",
  "not-applicable": "",
} as const;

/** A result worth acting on: positive and complete. Others are shown folded, one line each. */
export const actionable = (e: PresentedEvaluation) =>
  (e.outcome === "eligible" || e.outcome === "possibly-eligible") && e.complete;

function helpKey(e: PresentedEvaluation): string {
  if (e.qualifier) return `qualifierHelp.${e.qualifier}`;
  return e.reason ? `reasons.${e.reason}` : `outcomeHelp.${e.outcome}`;
}

function Labels({ e, sources }: { e: PresentedEvaluation; sources: SourceMap }) {
  const { t } = useTranslation("eligibility");
  if (!e.info?.labels?.length) return null;
  return (
    <ul>
      {e.info.labels.map((l) => (
        <li key={l.id}>
          {t(`labels.${e.pathway}.${l.id}`)}{" "}
          <span className="source-note">
            (<SourceLinks ids={l.sources} sources={sources} />)
          </span>
        </li>
      ))}
    </ul>
  );
}

function Missing({ e }: { e: PresentedEvaluation }) {
  const { t } = useTranslation("eligibility");
  if (!e.missingFacts.length) return null;
  return (
    <>
      <p>{t("results.missing")}</p>
      <ul>
        {e.missingFacts.map((f) => (
          <li key={f}>{t(`facts.${f}.label`)}</li>
        ))}
      </ul>
    </>
  );
}

function RulesLine({ e, guide = false }: { e: PresentedEvaluation; guide?: boolean }) {
  const { t } = useTranslation("eligibility");
  const lang = useLang();
  return (
    <p className="muted">
      {e.info
        ? `${t("results.rulesFrom", {
            from: formatDate(lang, e.info.effectiveFrom),
            reviewed: formatDate(lang, e.info.lastReviewed),
          })} `
        : ""}
      {guide ? <Link to={`/${lang}/pathways/${e.pathway}`}>{t("results.readGuide")}</Link> : null}
    </p>
  );
}

/** One pathway's result, answer first: the verdict, the route that qualifies, the next step with its checklist;
 * everything else folded under "other ways to qualify" and "about this pathway". */
export function EvaluationCard({
  e,
  checkId,
  sources,
}: {
  e: PresentedEvaluation;
  checkId: string;
  sources: SourceMap;
}) {
  const { t } = useTranslation("eligibility");
  const leadIds = new Set(e.lead?.criteria ?? []);
  const headingId = `pathway-${e.pathway}`;
  return (
    <section className="card evaluation" aria-labelledby={headingId}>
      <h2 id={headingId}>{t(`common:pathways.${e.pathway}`)}</h2>
      <p className="verdict">
        <strong className={`tag ${OUTCOME_TAG[e.outcome]}`}>{t(verdictKey(e))}</strong>{" "}
        {e.ruleSetStatus !== "enacted" ? <span className="tag">{t(`ruleStatus.${e.ruleSetStatus}`)}</span> : null}{" "}
        {t(helpKey(e))}
      </p>
      <Labels e={e} sources={sources} />
      <Lead e={e} sources={sources} />
      <NextStep e={e} checkId={checkId} />
      <Folded e={e} sources={sources} leadIds={leadIds}>
        <RulesLine e={e} />
      </Folded>
    </section>
  );
}

/** A pathway that does not fit (or not yet): name, verdict and the one reason or nearest miss; the rest folded. */
export function CompactEvaluation({ e, sources }: { e: PresentedEvaluation; sources: SourceMap }) {
  const { t } = useTranslation("eligibility");
  const lang = useLang();
  const leadIds = new Set(e.lead?.criteria ?? []);
  const first = e.lead ? e.criteria.find((c) => c.id === e.lead?.criteria[0]) : undefined;
  const gap = first ? gapText(t, lang, first) : null;
  const headingId = `pathway-${e.pathway}`;
  const leadWord = e.lead ? t(e.lead.kind === "reasons" ? "statuses.unmet" : `lead.${e.lead.kind}`) : "";
  const reason = first
    ? t(gap ? "results.compactReasonGap" : "results.compactReason", { lead: leadWord, item: t(first.labelKey), gap })
    : t(helpKey(e));
  return (
    <section className="evaluation-compact" aria-labelledby={headingId}>
      <h3 id={headingId}>{t(`common:pathways.${e.pathway}`)}</h3>
      <strong className={`tag ${OUTCOME_TAG[e.outcome]}`}>{t(verdictKey(e))}</strong>
      <details className="fold">
        <summary>{reason}</summary>
        {first ? <p>{t(helpKey(e))}</p> : null}
        <Labels e={e} sources={sources} />
        <Lead e={e} sources={sources} H="h4" />
        <Missing e={e} />
        <Folded e={e} sources={sources} leadIds={leadIds}>
          <RulesLine e={e} guide />
        </Folded>
      </details>
    </section>
  );
}
