import { useTranslation } from "react-i18next";
import type { Lang } from "~/lib/i18n/config";
import { formatDate } from "~/lib/i18n/format";
import type { CriterionStatus, EligibilityOutcome, EvaluationSide, Reevaluation } from "~/modules/staff/reevaluate";

interface Props {
  lang: Lang;
  snapshot: EvaluationSide | null;
  reevaluation: Reevaluation | null;
}

/** The eligibility snapshot frozen on an application and what today's rules say about the same answers. */
export function EligibilityCompare({ lang, snapshot, reevaluation: r }: Props) {
  const { t } = useTranslation("staff");
  if (!snapshot) return <p>{t("case.noSnapshot")}</p>;
  const outcome = (o: EligibilityOutcome | null) => (o ? t(`eligibility:outcomes.${o}`) : "—");
  const date = (d: string | null) => (d && /^\d{4}-\d{2}-\d{2}$/.test(d) ? formatDate(lang, d) : "—");
  return (
    <>
      <p className="reeval-summary">
        {!r ? t("reeval.unavailable") : r.unchanged ? t("reeval.noChange") : t("reeval.changed")}
      </p>
      <table className="reeval-table">
        <caption>{t("reeval.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("reeval.item")}</th>
            <th scope="col">{t("reeval.then", { date: date(snapshot.asOf) })}</th>
            <th scope="col">{t("reeval.now", { date: date(r?.now.asOf ?? null) })}</th>
          </tr>
        </thead>
        <tbody>
          <tr className={r?.versionChanged ? "reeval-diff" : undefined}>
            <th scope="row">{t("reeval.version")}</th>
            <td>{snapshot.version ?? "—"}</td>
            <td>
              {r?.now.version ?? "—"}
              {r?.versionChanged ? <Changed /> : null}
            </td>
          </tr>
          <tr className={r?.outcomeChanged ? "reeval-diff" : undefined}>
            <th scope="row">{t("reeval.outcome")}</th>
            <td>{outcome(snapshot.outcome)}</td>
            <td>
              {r ? outcome(r.now.outcome) : "—"}
              {r?.outcomeChanged ? <Changed /> : null}
            </td>
          </tr>
        </tbody>
      </table>
      <CriteriaTable snapshot={snapshot} reevaluation={r} />
    </>
  );
}

function Changed() {
  const { t } = useTranslation("staff");
  return (
    <>
      {" "}
      <span className="tag reeval-tag">{t("reeval.changedTag")}</span>
    </>
  );
}

function CriteriaTable({ snapshot, reevaluation: r }: Omit<Props, "lang">) {
  const { t } = useTranslation("staff");
  const status = (s: CriterionStatus | null) => (s ? t(`eligibility:statuses.${s}`) : "—");
  const rows = r
    ? r.criteria
    : (snapshot?.criteria ?? []).map((c) => ({ ...c, then: c.status, now: null, change: "same" as const }));
  if (!rows.length) return null;
  return (
    <table className="reeval-table reeval-criteria">
      <caption>{t("reeval.criteriaCaption")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("reeval.criterion")}</th>
          <th scope="col">{t("reeval.statusThen")}</th>
          <th scope="col">{t("reeval.statusNow")}</th>
          <th scope="col">{t("reeval.change")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => (
          <tr key={c.id} className={c.change !== "same" ? "reeval-diff" : undefined}>
            <th scope="row">{c.labelKey ? t(c.labelKey, { defaultValue: c.id }) : c.id}</th>
            <td>{status(c.then)}</td>
            <td>{r ? status(c.now) : "—"}</td>
            <td>{r ? t(`reeval.changes.${c.change}`) : "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
