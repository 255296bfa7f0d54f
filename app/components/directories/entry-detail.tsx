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
            <dd>{codes.length ? codes.map((c) => t(`${list.labels}.${c}`)).join(lang === "zh-TW" ? "、" : ", ") : <span className="muted">{t("fields.notGiven")}</span>}</dd>
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

/** One directory entry: every field (saying so where the source gives none), its source and when it was checked. */
export function EntryDetail({ kind, entry }: { kind: DirectoryKind; entry: DirectoryRow }) {
  const { t } = useTranslation("directories");
  const lang = useLang();
  const def = DIRECTORIES[kind];
  const sourceUrl = typeof entry.source_url === "string" ? entry.source_url : null;
  return (
    <>
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
      <p className="source-note">
        {t("fields.source")}: {sourceUrl ? <a href={sourceUrl}>{String(entry.source_title)}</a> : String(entry.source_title)}
      </p>
      <p className="muted">{t("fields.lastVerified", { date: formatDate(lang, entry.last_verified) })}</p>
    </>
  );
}
