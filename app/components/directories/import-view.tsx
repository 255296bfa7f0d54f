import { Form } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/forms";
import type { DirectoryKind } from "~/modules/directories/kinds";

export interface ImportResult {
  problem: "noFile" | "tooLarge" | null;
  report: {
    fileError: { line: number | null; reason: string; detail?: string } | null;
    errors: { line: number; column: string | null; reason: string }[];
    created: number;
    updated: number;
    imported: boolean;
  } | null;
}

function Report({ report }: { report: NonNullable<ImportResult["report"]> }) {
  const { t } = useTranslation("directories");
  if (report.fileError) {
    const where = report.fileError.line ? ` (${t("import.atLine", { line: report.fileError.line })})` : "";
    const detail = report.fileError.detail ? `: ${report.fileError.detail}` : "";
    return <p>{t("import.fileProblem", { reason: `${t(report.fileError.reason)}${detail}${where}` })}</p>;
  }
  return (
    <>
      <p>
        {report.imported
          ? t("import.done", { created: report.created, updated: report.updated })
          : t("import.nothingImported")}
      </p>
      <div className="table-scroll">
        <table className="import-errors">
          <caption>{t("import.rowProblems", { count: report.errors.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("import.line")}</th>
              <th scope="col">{t("import.column")}</th>
              <th scope="col">{t("import.reason")}</th>
            </tr>
          </thead>
          <tbody>
            {report.errors.map((e, i) => (
              <tr key={i}>
                <td>{e.line}</td>
                <td>{e.column ?? ""}</td>
                <td>{t(e.reason)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** The CSV upload form and, after a refused or partial import, its report. */
export function ImportView({
  kind,
  columns,
  result,
}: {
  kind: DirectoryKind;
  columns: string[];
  result?: ImportResult;
}) {
  const { t } = useTranslation("directories");
  const ref = useRef<HTMLDivElement>(null);
  const hasReport = Boolean(result?.problem || result?.report);
  useEffect(() => {
    if (hasReport) ref.current?.focus();
  }, [hasReport, result]);
  return (
    <>
      <h1>{t("import.title", { directory: t(`kinds.${kind}.title`) })}</h1>
      {hasReport ? (
        <div className={result?.report?.imported ? "notice" : "error-summary"} role="alert" tabIndex={-1} ref={ref}>
          {result?.problem ? <p>{t(`import.${result.problem}`)}</p> : null}
          {result?.report ? <Report report={result.report} /> : null}
        </div>
      ) : null}
      <p>{t("import.lead")}</p>
      <p>
        {t("import.columns")}: <code>{columns.join(",")}</code>
      </p>
      <Form method="post" encType="multipart/form-data">
        <CsrfInput />
        <div className="field">
          <label htmlFor="import-file">{t("import.file")}</label>
          <input id="import-file" type="file" name="file" accept=".csv,text/csv" />
        </div>
        <div className="field">
          <label className="checkbox">
            <input type="checkbox" name="goodRowsOnly" /> {t("import.goodRowsOnly")}
          </label>
        </div>
        <button type="submit">{t("import.submit")}</button>
      </Form>
    </>
  );
}
