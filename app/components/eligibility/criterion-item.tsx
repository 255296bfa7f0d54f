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

type Gapped = { gap: CriterionResult["gap"]; threshold: CriterionResult["threshold"] };

export function gapText(t: TFunction, lang: Lang, c: Gapped): string | null {
  if (!c.gap) return null;
  const { amount, unit } = c.gap;
  if (unit === "TWD" || unit === "USD")
    return t("eligibility:results.gapMoney", { amount: formatMoney(lang, amount, unit) });
  if (unit === "points") return t("eligibility:results.gapPoints", { amount: formatNumber(lang, amount) });
  const over = c.threshold?.op === "lte" || c.threshold?.op === "lt";
  if (unit === "years")
    return t(over ? "eligibility:results.gapYearsOver" : "eligibility:results.gapYears", {
      count: amount,
      amount: formatNumber(lang, amount),
    });
  return t("eligibility:results.gapOther", { amount: formatNumber(lang, amount) });
}

function yourValueText(t: TFunction, lang: Lang, c: Pick<CriterionResult, "yourValue" | "threshold">): string {
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
        const checked = formatDate(lang, s.retrievedOn, "medium");
        const dates = s.publishedOn
          ? t("results.sourcePublished", { published: formatDate(lang, s.publishedOn, "medium"), checked })
          : t("results.sourceChecked", { checked });
        return (
          <span key={id}>
            {i > 0 ? "; " : ""}
            {s.url ? (
              <a href={s.url} rel="noreferrer" title={s.title}>
                {s.publisher}
              </a>
            ) : (
              <span title={s.title}>{s.title}</span>
            )}
            {` (${dates}${s.unverified ? `, ${t("basis.unverified")}` : ""})`}
          </span>
        );
      })}
    </>
  );
}

/** One part of a combined criterion: what it compares, your answer, the requirement and the gap. */
function PartRow({ part, quiet }: { part: NonNullable<CriterionResult["parts"]>[number]; quiet: boolean }) {
  const { t } = useTranslation("eligibility");
  const lang = useLang();
  const gap = part.status === "unmet" ? gapText(t, lang, part) : null;
  const values = {
    label: t(`facts.${part.threshold.fact}.label`),
    value: yourValueText(t, lang, part),
    threshold: thresholdText(t, lang, part),
    gap,
  };
  return (
    <li>
      <span className={quiet ? "part-status" : `part-status part-${part.status}`}>{t(`statuses.${part.status}`)}</span>{" "}
      {t(gap ? "results.partLineGap" : "results.partLine", values)}
    </li>
  );
}

/** One criterion: its result, the applicant's value, the requirement, the gap and the source. `quiet` drops the
 * coloured tags (routes the person did not claim, listed under "other ways to qualify"). */
export function CriterionItem({
  c,
  sources,
  quiet = false,
}: {
  c: CriterionResult;
  sources: SourceMap;
  quiet?: boolean;
}) {
  const { t } = useTranslation("eligibility");
  const lang = useLang();
  const gap = c.parts ? null : gapText(t, lang, c);
  const converted = c.yourValue?.converted;
  return (
    <li className="criterion">
      <p className="criterion-head">
        <span className={`tag ${quiet ? "" : TAG[c.status]}`}>{t(`statuses.${c.status}`)}</span>{" "}
        <span>{t(c.labelKey)}</span>
        {c.basis !== "enacted" ? <span className="tag">{t(`basis.${c.basis}`)}</span> : null}
        {c.judgement ? <span className="tag">{t("results.judgement")}</span> : null}
      </p>
      {c.parts ? (
        <ul className="parts">
          {c.parts.map((p, i) => (
            <PartRow key={i} part={p} quiet={quiet} />
          ))}
        </ul>
      ) : (
        <dl className="criterion-facts">
          <div>
            <dt>{t("results.yourValue")}</dt>
            <dd>
              {yourValueText(t, lang, c)}
              {converted ? (
                <span className="muted">
                  {" "}
                  {t("results.converted", {
                    amount: formatMoney(lang, converted.amount, converted.unit),
                    rate: converted.rate,
                    observed: formatDate(lang, converted.rateObserved, "medium"),
                  })}
                </span>
              ) : null}
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
        </dl>
      )}
      <p className="source-note">
        {t("results.source")}: <SourceLinks ids={c.sourceIds} sources={sources} />
      </p>
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
              <td>
                {p.uncertain
                  ? t("results.uncertain")
                  : p.points === null
                  ? t("results.notAnswered")
                  : formatNumber(lang, p.points)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
