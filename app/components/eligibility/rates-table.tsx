import { useTranslation } from "react-i18next";
import { daysBetween, formatDate, formatNumber } from "~/lib/i18n/format";
import { useLang } from "~/lib/i18n/use-lang";
import type { SourceMap } from "~/modules/eligibility/present";
import type { Rate } from "~/modules/eligibility/rules.schema";
import { SourceLinks } from "./criterion-item";

type Props = { asOf: string; maxAgeDays: number; table: Rate[]; used: Rate[]; sources: SourceMap };

/** The dated exchange rates with a source each, the one this check used, and those too old for its date. */
export function RatesTable({ asOf, maxAgeDays, table, used, sources }: Props) {
  const { t } = useTranslation("eligibility");
  const lang = useLang();
  const isUsed = (r: Rate) => used.some((u) => u.observed === r.observed && u.twdPerUnit === r.twdPerUnit);
  return (
    <details className="fold rates">
      <summary>{t("rates.title")}</summary>
      <p>{t("rates.help", { days: maxAgeDays })}</p>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("rates.date")}</th>
              <th scope="col">{t("rates.rate")}</th>
              <th scope="col">{t("rates.source")}</th>
            </tr>
          </thead>
          <tbody>
            {[...table]
              .sort((a, b) => b.observed.localeCompare(a.observed))
              .map((r) => (
                <tr key={`${r.currency}-${r.observed}`}>
                  <th scope="row">
                    {formatDate(lang, r.observed)}
                    {isUsed(r) ? <strong className="tag">{t("rates.used")}</strong> : null}
                    {isUsed(r) && daysBetween(r.observed, asOf) > maxAgeDays ? (
                      <span className="tag tag-warn">{t("rates.stale", { days: maxAgeDays })}</span>
                    ) : null}
                  </th>
                  <td>{formatNumber(lang, r.twdPerUnit)}</td>
                  <td className="source-note">
                    <SourceLinks ids={[r.source]} sources={sources} />
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
