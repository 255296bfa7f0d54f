import { useTranslation } from "react-i18next";
import { formatDate, formatMonth, formatNumber } from "~/lib/i18n/format";
import { useLang } from "~/lib/i18n/use-lang";
import type { FigureView } from "~/modules/directories/present";

function SourceLine({ source }: { source: NonNullable<FigureView["source"]> }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <p className="source-note">
      {t("source.label")}:{" "}
      {source.url ? (
        <>
          <a href={source.url}>{source.title}</a> ({formatMonth(lang, source.publishedOn)})
        </>
      ) : (
        t("source.plan")
      )}
    </p>
  );
}

/** The official counts the reference gives without entries, and what our sources lack. */
export function DirectoryFigures({ figures, gaps }: { figures: FigureView[]; gaps: string[] }) {
  const { t } = useTranslation("directories");
  const lang = useLang();
  const source = figures.find((f) => f.source)?.source;
  return (
    <>
      {figures.length ? (
        <section aria-labelledby="figures-title">
          <h2 id="figures-title">{t("figures.title")}</h2>
          <dl className="figures">
            {figures.map((f) => (
              <div key={f.id}>
                <dt>{t(`figures.${f.id}`)}</dt>
                <dd>{formatNumber(lang, f.value)}</dd>
                {f.asOf ? (
                  <dd className="muted figure-date">
                    {t("figures.asOf", { date: formatDate(lang, f.asOf, "medium") })}
                  </dd>
                ) : null}
              </div>
            ))}
          </dl>
          {source ? <SourceLine source={source} /> : null}
        </section>
      ) : null}
      {gaps.length ? (
        <section aria-labelledby="gaps-title">
          <h2 id="gaps-title">{t("gaps.title")}</h2>
          <ul>
            {gaps.map((g) => (
              <li key={g}>{t(`gaps.${g}`)}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
