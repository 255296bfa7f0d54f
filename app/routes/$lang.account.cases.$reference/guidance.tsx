import { useTranslation } from "react-i18next";
import type { Lang } from "~/lib/i18n/config";
import { SourceLinks } from "~/components/source-links";
import type { PathwayInfoResolved } from "~/modules/cases/pathway-content.schema";

/** Typical durations of the government's stages, or a plain note that the reference gives none. */
export function GovernmentStages({ lang, info }: { lang: Lang; info: PathwayInfoResolved }) {
  const { t } = useTranslation("cases");
  return (
    <section aria-labelledby="durations-title">
      <h2 id="durations-title">{t("durations.title")}</h2>
      {info.governmentStages.length === 0 ? (
        <p>{t("durations.none")}</p>
      ) : (
        <>
          <p>{t("durations.lead")}</p>
          <dl className="durations">
            {info.governmentStages.map((s) => (
              <div key={s.id}>
                <dt>{t(`durations.stages.${s.id}`)}</dt>
                <dd>
                  {s.min === s.max
                    ? t(`durations.${s.unit}`, { count: s.min })
                    : t(`durations.${s.unit}Range`, { min: s.min, max: s.max })}
                  {s.noteKey ? <span className="muted"> {t(`durations.notes.${s.noteKey}`)}</span> : null}
                </dd>
              </div>
            ))}
          </dl>
          <SourceLinks lang={lang} sources={info.stageSources} reviewed={info.lastReviewed} />
        </>
      )}
    </section>
  );
}
