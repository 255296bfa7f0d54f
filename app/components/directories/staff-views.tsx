import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/forms";
import { formatNumber } from "~/lib/i18n/format";
import { useLang } from "~/lib/i18n/use-lang";
import type { DirectoryKind } from "~/modules/directories/kinds";
import type { Localized } from "~/modules/directories/present";

interface StaffRow {
  id: string;
  status: string;
  title: Localized[];
}

function StaffTable({ rows }: { rows: StaffRow[] }) {
  const { t } = useTranslation("directories");
  return (
    <div className="table-scroll">
      <table className="staff-table">
        <thead>
          <tr>
            <th scope="col">{t("fields.name")}</th>
            <th scope="col">{t("staff.status")}</th>
            <th scope="col">{t("staff.edit")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">{row.title.map((p) => p.text).join(" ")}</th>
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
export function StaffList({ kind, rows, saved, imported }: { kind: DirectoryKind; rows: StaffRow[]; saved: boolean; imported: string | null }) {
  const { t } = useTranslation("directories");
  const lang = useLang();
  const [created, updated] = (imported ?? "").split("-").map(Number);
  return (
    <>
      <h1>{t("staff.title", { directory: t(`kinds.${kind}.title`) })}</h1>
      {saved ? <p className="success" role="status">{t("staff.saved")}</p> : null}
      {imported ? <p className="success" role="status">{t("import.done", { created: formatNumber(lang, created ?? 0), updated: formatNumber(lang, updated ?? 0) })}</p> : null}
      <p className="button-row">
        <Link className="button" to="new">
          {t("staff.new")}
        </Link>
        <Link className="button button-secondary" to="import">
          {t("staff.import")}
        </Link>
      </p>
      <p className="muted">{t("staff.retiredNote")}</p>
      <StaffTable rows={rows} />
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
