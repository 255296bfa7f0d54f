import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/forms";
import { formatDate, formatNumber } from "~/lib/i18n/format";
import { useLang } from "~/lib/i18n/use-lang";
import type { DirectoryKind } from "~/modules/directories/kinds";
import type { Localized } from "~/modules/directories/present";

interface StaffRow {
  id: string;
  status: string;
  title: Localized[];
  lastVerified: string;
}

function StaffTable({ rows, caption }: { rows: StaffRow[]; caption: string }) {
  const { t } = useTranslation("directories");
  const lang = useLang();
  return (
    <div className="table-scroll">
      <table className="staff-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("fields.name")}</th>
            <th scope="col">{t("staff.checkedOn")}</th>
            <th scope="col">{t("staff.status")}</th>
            <th scope="col">{t("staff.edit")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">{row.title.map((p) => p.text).join(" ")}</th>
              <td>{formatDate(lang, row.lastVerified)}</td>
              <td>{t(`staff.${row.status === "retired" ? "retired" : "active"}`)}</td>
              <td>
                <Link to={row.id} aria-label={`${t("staff.edit")}: ${row.title.map((p) => p.text).join(" ")}`}>
                  {t("staff.edit")}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Staff list of one directory, retired entries included. */
export function StaffList(props: {
  kind: DirectoryKind;
  rows: StaffRow[];
  stale: StaffRow[];
  saved: boolean;
  imported: string | null;
}) {
  const { kind, rows, stale, saved, imported } = props;
  const { t } = useTranslation("directories");
  const lang = useLang();
  const [created, updated] = (imported ?? "").split("-").map(Number);
  return (
    <>
      <h1>{t("staff.title", { directory: t(`kinds.${kind}.title`) })}</h1>
      {saved ? (
        <p className="success" role="status">
          {t("staff.saved")}
        </p>
      ) : null}
      {imported ? (
        <p className="success" role="status">
          {t("import.done", { created: formatNumber(lang, created ?? 0), updated: formatNumber(lang, updated ?? 0) })}
        </p>
      ) : null}
      <p className="button-row">
        <Link className="button" to="new">
          {t("staff.new")}
        </Link>
        <Link className="button button-secondary" to="import">
          {t("staff.import")}
        </Link>
      </p>
      <section aria-labelledby="stale-title">
        <h2 id="stale-title">{t("staff.staleTitle", { count: stale.length })}</h2>
        <p>{t("staff.staleLead")}</p>
        {stale.length ? (
          <StaffTable rows={stale} caption={t("staff.staleTitle", { count: stale.length })} />
        ) : (
          <p className="muted">{t("staff.staleNone")}</p>
        )}
      </section>
      <h2>{t("staff.allTitle")}</h2>
      <p className="muted">{t("staff.retiredNote")}</p>
      <StaffTable rows={rows} caption={t("staff.allTitle")} />
    </>
  );
}

/** Retire or restore, a separate small POST form under the edit form. */
export function StatusForm({ status }: { status: string }) {
  const { t } = useTranslation("directories");
  const retired = status === "retired";
  return (
    <Form method="post" className="status-form">
      <CsrfInput />
      <p className="muted">{t("staff.retiredNote")}</p>
      <button type="submit" name="intent" value={retired ? "restore" : "retire"} className="secondary">
        {t(retired ? "staff.restore" : "staff.retire")}
      </button>
    </Form>
  );
}
