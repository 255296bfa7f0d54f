import { useTranslation } from "react-i18next";
import { formatMoney } from "~/lib/i18n/format";
import { useLang } from "~/lib/i18n/use-lang";
import { formatValue } from "~/modules/eligibility/format-value";
import type { RuleInfo, SourceMap } from "~/modules/eligibility/present";
import { SourceLinks } from "./criterion-item";
import { ScrollRegion } from "~/components/scroll-region";

type Props = {
  pathway: string;
  info: RuleInfo;
  sources: SourceMap;
  headingLevel?: 2 | 3 | 4;
  fees?: boolean;
  documents?: boolean;
};

/** Documents, benefits, fees and official links of a rule set: the same data on results and guide pages. */
export function RuleInfoSections({ pathway, info, sources, headingLevel = 3, fees = false, documents = true }: Props) {
  const { t } = useTranslation("eligibility");
  const lang = useLang();
  const H = `h${headingLevel}` as "h2" | "h3" | "h4";
  const paramText = (name: string) => {
    const p = info.params[name];
    return p ? formatValue(t, lang, "", p.value, p.unit) : "";
  };
  return (
    <>
      {documents && info.documents.length ? (
        <>
          <H>{t("results.documents")}</H>
          <ul className="checklist">
            {info.documents.map((d) => (
              <li key={d.id}>{t(`documents.${pathway}.${d.id}`)}</li>
            ))}
          </ul>
        </>
      ) : null}
      {info.benefits.length ? (
        <>
          <H>{t("results.benefits")}</H>
          <ul>
            {info.benefits.map((b) => (
              <li key={b.id}>
                {t(`benefits.${pathway}.${b.id}`, Object.fromEntries((b.params ?? []).map((p) => [p, paramText(p)])))}{" "}
                <span className="source-note">
                  (<SourceLinks ids={b.sources} sources={sources} />)
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {fees && info.fees.length ? <FeesTable pathway={pathway} info={info} sources={sources} H={H} /> : null}
      <H>{t("results.links")}</H>
      <ul>
        {info.officialLinks.map((l) => (
          <li key={l.id}>
            <a href={l.url} rel="noreferrer">
              {t(`links.${l.id}`)}
            </a>
          </li>
        ))}
      </ul>
      {info.notEncoded.length ? (
        <>
          <H>{t("results.notAsked")}</H>
          <p>{t("results.notAskedHelp")}</p>
          <ul>
            {info.notEncoded.map((n) => (
              <li key={n}>{t(`notEncoded.${pathway}.${n}`)}</li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

function FeesTable({
  pathway,
  info,
  sources,
  H,
}: {
  pathway: string;
  info: RuleInfo;
  sources: SourceMap;
  H: "h2" | "h3" | "h4";
}) {
  const { t } = useTranslation("eligibility");
  const lang = useLang();
  const years = [...new Set(info.fees.flatMap((f) => Object.keys(f.amounts)))].sort();
  return (
    <>
      <H>{t("results.fees")}</H>
      <ScrollRegion label={t("results.fees")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("guide.feeCase")}</th>
              {years.map((y) => (
                <th key={y} scope="col">
                  {years.length > 1 ? t("units.years", { value: y, count: Number(y) }) : t("guide.fee")}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {info.fees.map((f) => (
              <tr key={f.id}>
                <th scope="row">{t(`fees.${pathway}.${f.id}`)}</th>
                {years.map((y) => (
                  <td key={y}>{f.amounts[y] === undefined ? "–" : formatMoney(lang, f.amounts[y], f.currency)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <p className="source-note">
        <SourceLinks ids={[...new Set(info.fees.flatMap((f) => f.sources))]} sources={sources} />
      </p>
    </>
  );
}
