import type { SubmissionResult } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import type { Lang } from "~/lib/i18n/config";
import type { PathwayInfoResolved } from "~/modules/cases/pathway-content.schema";
import { SourceLinks } from "./source-links";
import { UploadForm } from "./upload-form";

interface Doc {
  id: string;
  filename: string;
  checklist_item: string | null;
}

/** The pathway's checklist with what has been uploaded, the files, and the upload form (case page and draft). */
export function DocumentsSection(props: {
  lang: Lang;
  info: PathwayInfoResolved | null;
  documents: Doc[];
  open: boolean;
  lastResult?: SubmissionResult<string[]>;
}) {
  const { t } = useTranslation("cases");
  const { lang, info, documents } = props;
  const checklist = info?.checklist ?? [];
  const uploads = documents.filter((d) => d.checklist_item !== null);
  return (
    <section aria-labelledby="documents-title">
      <h2 id="documents-title">{t("documents.title")}</h2>
      {info && checklist.length ? (
        <>
          <ul className="checklist">
            {checklist.map((item) => {
              const count = documents.filter((d) => d.checklist_item === item).length;
              return (
                <li key={item}>
                  {t(`checklist.${item}`)}{" "}
                  <span className="tag">{count ? t("documents.uploaded", { count }) : t("documents.missing")}</span>
                </li>
              );
            })}
          </ul>
          <SourceLinks lang={lang} sources={info.checklistSources} reviewed={info.lastReviewed} />
        </>
      ) : (
        <p>{t("documents.noChecklist")}</p>
      )}
      {uploads.length ? (
        <>
          <h3>{t("documents.yourFiles")}</h3>
          <ul>
            {uploads.map((d) => (
              <li key={d.id}>
                <a href={`/${lang}/account/documents/${d.id}`}>{d.filename}</a>{" "}
                <span className="muted">
                  ({d.checklist_item === "other" ? t("upload.other") : t(`checklist.${d.checklist_item}`)})
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {props.open ? <UploadForm lastResult={props.lastResult} checklist={checklist} /> : null}
    </section>
  );
}
