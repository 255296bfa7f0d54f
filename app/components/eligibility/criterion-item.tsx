import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { Lang } from "~/lib/i18n/config";
import { formatDate, formatMoney, formatNumber } from "~/lib/i18n/format";
import { useLang } from "~/lib/i18n/use-lang";
import type { CriterionResult } from "~/modules/eligibility/evaluate";
import { formatValue } from "~/modules/eligibility/format-value";
import type { SourceMap } from "~/modules/eligibility/present";
import { ScrollRegion } from "~/components/scroll-region";

const TAG = { met: "tag-ok", unmet: "tag-no", unknown: "tag-warn" } as const;

export function thresholdText(t: TFunction, lang: Lang, c: Pick<CriterionResult, "threshold">): string {
  const th = c.threshold;
  if (!th) return "";
  if (th.op === "has" || th.op === "exists") return t(`eligibility:ops.${th.op}`);
  return t(`eligibility:ops.${th.op}`, { value: formatValue(t, lang, th.fact, th.value, th.unit) });
}

function gapText(t: TFunction, lang: Lang, c: CriterionResult): string | null {
  if (!c.gap) return null;
  const { amount, unit } = c.gap;
  if (unit === "TWD" || unit === "USD") return t("eligibility:results.gapMoney", { amount: formatMoney(lang, amount, unit) });
  if (unit === "points") return t("eligibility:results.gapPoints", { amount: formatNumber(lang, amount) });
  if (unit === "years") return t(c.threshold?.op === "lte" || c.threshold?.op === "lt" ? "eligibility:results.gapYearsOver" : "eligibility:results.gapYears", { amount: formatNumber(lang, amount) });
  return t("eligibility:results.gapOther", { amount: formatNumber(lang, amount) });
}

function yourValueText(t: TFunction, lang: Lang, c: CriterionResult): string {
  const v = c.yourValue;
  if (!v) return t("eligibility:results.notAnswered");
  if (c.threshold?.op === "has") return t(v.value ? "eligibility:results.claimed" : "eligibility:results.notClaimed");
  return formatValue(t, lang, v.fact, v.value, v.unit);
}

export function SourceLinks({ ids, sources }: { ids: string[]; sources: SourceMap }) {
  const { t } = useTranslation("eligibility");
  const lang = useLang();
  return (
    <>
      {ids.map((id, i) => {
        const s = sources[id];
        if (!s) return null;
        const text = `${s.publisher}, ${formatDate(lang, s.retrievedOn, "medium")}`;
        return (
          <span key={id}>
            {i > 0 ? "; " : ""}
            {s.url ? (
              <a href={s.url} rel="noreferrer" title={s.title}>
                {text}
              </a>
            ) : (
              <span title={s.title}>{s.title}</span>
            )}
            {s.unverified ? ` (${t("basis.unverified")})` : ""}
          </span>
        );
      })}
    </>
  );
}

/** One criterion: its result, the applicant's value, the requirement, the gap and the source. */
export function CriterionItem({ c, sources }: { c: CriterionResult; sources: SourceMap }) {
  const { t } = useTranslation("eligibility");
  const lang = useLang();
  const gap = gapText(t, lang, c);
  const converted = c.yourValue?.converted;
  return (
    <li className="criterion">
      <p className="criterion-head">
        <span className={`tag ${TAG[c.status]}`}>{t(`statuses.${c.status}`)}</span> <span>{t(c.labelKey)}</span>
        {c.basis !== "enacted" ? <span className="tag">{t(`basis.${c.basis}`)}</span> : null}
        {c.judgement ? <span className="tag">{t("results.judgement")}</span> : null}
      </p>
      <dl className="criterion-facts">
        <div>
          <dt>{t("results.yourValue")}</dt>
          <dd>
            {yourValueText(t, lang, c)}
            {converted ? <span className="muted"> {t("results.converted", { amount: formatMoney(lang, converted.amount, converted.unit), rate: converted.rate, observed: converted.rateObserved })}</span> : null}
          </dd>
        </div>
        {c.threshold ? (
          <div>
            <dt>{t("results.threshold")}</dt>
            <dd>{thresholdText(t, lang, c)}</dd>
          </div>
        ) : null}
        {gap ? (
          <div>
            <dt>{t("results.gap")}</dt>
            <dd>{gap}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t("results.source")}</dt>
          <dd className="source-note">
            <SourceLinks ids={c.sourceIds} sources={sources} />
          </dd>
        </div>
      </dl>
      {c.points ? <PointsTable c={c} /> : null}
    </li>
  );
}

function PointsTable({ c }: { c: CriterionResult }) {
  const { t } = useTranslation("eligibility");
  const lang = useLang();
  return (
    <ScrollRegion label={t("results.points")}>
      <table>
        <caption className="muted">{t("results.pointsCaveat")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("results.pointsItem")}</th>
            <th scope="col">{t("results.points")}</th>
          </tr>
        </thead>
        <tbody>
          {(c.points ?? []).map((p) => (
            <tr key={p.id}>
              <th scope="row">{t(`pointsItems.${p.id}`)}</th>
              <td>{p.uncertain ? t("results.uncertain") : p.points === null ? t("results.notAnswered") : formatNumber(lang, p.points)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
