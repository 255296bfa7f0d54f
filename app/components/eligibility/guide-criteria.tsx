import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { Lang } from "~/lib/i18n/config";
import { useLang } from "~/lib/i18n/use-lang";
import type { CriterionResult } from "~/modules/eligibility/evaluate";
import type { SourceMap } from "~/modules/eligibility/present";
import { SourceLinks, thresholdText } from "./criterion-item";

type Described = Pick<CriterionResult, "id" | "labelKey" | "threshold" | "sourceIds" | "judgement" | "basis"> & {
  parts?: NonNullable<CriterionResult["threshold"]>[];
};

/** What a criterion asks, in words: every part of a combined one (age and income), each with its fact. */
function requirement(t: TFunction, lang: Lang, c: Described): string {
  const shown = (c.parts ?? []).filter((p) => p.op !== "has" && p.op !== "eq" && p.op !== "exists");
  if (shown.length > 1)
    return shown.map((p) => `${t(`facts.${p.fact}.label`)} ${thresholdText(t, lang, { threshold: p })}`).join("; ");
  const th = shown[0] ?? c.threshold;
  return th && th.op !== "has" && th.op !== "eq" ? thresholdText(t, lang, { threshold: th }) : "";
}
type Props = {
  criteria: {
    required: Described[];
    tracks: { id: string; labelKey: string; required: Described[]; routes: Described[] }[];
  };
  sources: SourceMap;
};

function Items({ list, sources }: { list: Described[]; sources: SourceMap }) {
  const { t } = useTranslation("eligibility");
  const lang = useLang();
  return (
    <ul>
      {list.map((c) => {
        const th = requirement(t, lang, c);
        return (
          <li key={c.id}>
            {t(c.labelKey)}
            {th ? `: ${th}` : ""} {c.basis !== "enacted" ? <span className="tag">{t(`basis.${c.basis}`)}</span> : null}{" "}
            <span className="source-note">
              (<SourceLinks ids={c.sourceIds} sources={sources} />)
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** The criteria of the rule set in force, as a reader-friendly list (the evaluator reads the same file). */
export function GuideCriteria({ criteria, sources }: Props) {
  const { t } = useTranslation("eligibility");
  return (
    <>
      {criteria.required.length ? (
        <>
          <p>{t("guide.allOf")}</p>
          <Items list={criteria.required} sources={sources} />
        </>
      ) : null}
      {criteria.tracks.map((tr) => (
        <section key={tr.id} aria-label={t(tr.labelKey)}>
          {criteria.tracks.length > 1 ? <h3>{t(tr.labelKey)}</h3> : null}
          {tr.required.length ? (
            <>
              <p>{t("guide.allOf")}</p>
              <Items list={tr.required} sources={sources} />
            </>
          ) : null}
          {tr.routes.length ? (
            <>
              <p>{t("guide.anyOf")}</p>
              <Items list={tr.routes} sources={sources} />
            </>
          ) : null}
        </section>
      ))}
    </>
  );
}
