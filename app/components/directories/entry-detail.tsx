import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/lib/i18n/format";
import { useLang } from "~/lib/i18n/use-lang";
import { DIRECTORIES, directoryPath, type DirectoryKind, type TextField } from "~/modules/directories/kinds";
import { entryTitle, pick, type DirectoryRow } from "~/modules/directories/present";

function TextValue({ field, row }: { field: TextField; row: DirectoryRow }) {
  const { t } = useTranslation("directories");
  const lang = useLang();
  if (field.localized) {
    const value = pick(row, field.name, lang);
    return value ? <span lang={value.lang}>{value.text}</span> : <span className="muted">{t("fields.notGiven")}</span>;
  }
  const raw = row[field.name];
  if (typeof raw !== "string" || !raw) return <span className="muted">{t("fields.notGiven")}</span>;
  if (field.format === "url") return <a href={raw}>{raw}</a>;
  if (field.format === "email") return <a href={`mailto:${raw}`}>{raw}</a>;
  if (field.format === "phone") return <a href={`tel:${raw.replace(/[^+0-9]/g, "")}`}>{raw}</a>;
  return <>{raw}</>;
}

function EntryFields({ kind, entry }: { kind: DirectoryKind; entry: DirectoryRow }) {
  const { t } = useTranslation("directories");
  const lang = useLang();
  const def = DIRECTORIES[kind];
  const titleFields = new Set(def.titleFields);
  return (
    <dl className="summary-list">
      {def.lists.map((list) => {
        const codes = (entry[list.name] as string[] | undefined) ?? [];
        return (
          <div key={list.name}>
            <dt>{t(`fields.${list.name}`)}</dt>
            <dd>
              {codes.length ? (
                codes.map((c) => t(`${list.labels}.${c}`)).join(lang === "zh-TW" ? "、" : ", ")
              ) : (
                <span className="muted">{t("fields.notGiven")}</span>
              )}
            </dd>
          </div>
        );
      })}
      {def.text
        .filter((f) => !titleFields.has(f.name) || def.titleFields.length > 1)
        .map((field) => (
          <div key={field.name}>
            <dt>{t(`fields.${field.name}`)}</dt>
            <dd>
              <TextValue field={field} row={entry} />
            </dd>
          </div>
        ))}
    </dl>
  );
}

function EntrySource({ entry }: { entry: DirectoryRow }) {
  const { t } = useTranslation("directories");
  const lang = useLang();
  const sourceUrl = typeof entry.source_url === "string" ? entry.source_url : null;
  const str = (v: unknown) => (typeof v === "string" && v ? v : null);
  const sourceDate = str(entry.source_date);
  return (
    <section className="source-note" aria-labelledby="entry-source-title">
      <h2 id="entry-source-title">{t("fields.source")}</h2>
      <p>
        {sourceUrl ? <a href={sourceUrl}>{String(entry.source_title)}</a> : String(entry.source_title)}
        {str(entry.source_publisher) ? ` · ${t("fields.publisher")}: ${String(entry.source_publisher)}` : ""}
        {sourceDate
          ? ` · ${t("fields.sourceDate", {
              date: sourceDate.length === 10 ? formatDate(lang, sourceDate) : sourceDate,
            })}`
          : ""}
      </p>
      {entry.unverified === true ? (
        <p>
          <span className="tag tag-no">{t("fields.unverified")}</span> {t("fields.unverifiedHint")}
        </p>
      ) : null}
      <p>
        <strong>{t("fields.checkedOn", { date: formatDate(lang, entry.last_verified) })}</strong>
      </p>
    </section>
  );
}

/** One directory entry: every field (saying so where the source gives none), its source and when it was checked. */
export function EntryDetail({
  kind,
  entry,
  reported,
}: {
  kind: DirectoryKind;
  entry: DirectoryRow;
  reported?: string | null;
}) {
  const { t } = useTranslation("directories");
  const lang = useLang();
  const def = DIRECTORIES[kind];
  return (
    <>
      {reported ? (
        <div className="notice notice-success" role="status">
          <p>{t("report.thanks", { reference: reported })}</p>
        </div>
      ) : null}
      <Link className="back-link" to={directoryPath(lang, kind)}>
        {t(`kinds.${kind}.title`)}
      </Link>
      <h1>
        {entryTitle(def, entry, lang).map((part, i) => (
          <span key={i} lang={part.lang}>
            {i > 0 ? " " : ""}
            {part.text}
          </span>
        ))}
      </h1>
      <EntryFields kind={kind} entry={entry} />
      <EntrySource entry={entry} />
      <p>
        <Link className="button button-secondary" to={`${directoryPath(lang, kind)}/${entry.id}/report`}>
          {t("report.link")}
        </Link>
      </p>
    </>
  );
}
