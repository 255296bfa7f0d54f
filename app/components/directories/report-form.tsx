import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { SelectField, TextArea, TextField, usePageForm } from "~/components/fields";
import { CsrfInput, ErrorSummary } from "~/components/forms";
import { useLang } from "~/lib/i18n/use-lang";
import type { CorrectionSchema } from "~/modules/directories/correction.schema";
import { DIRECTORIES, directoryPath } from "~/modules/directories/kinds";
import type { ReportPageData } from "~/modules/directories/present";

/** The "report a change" form of a directory entry (works without JavaScript; the server validates). */
export function ReportForm({ data, lastResult }: { data: ReportPageData; lastResult: unknown }) {
  const { kind, id, title, fields: fieldNames, submissionToken } = data;
  const { t } = useTranslation("directories");
  const lang = useLang();
  const { form, fields, errors } = usePageForm<z.input<typeof CorrectionSchema>>(
    lastResult as SubmissionResult<string[]> | undefined
  );
  const def = DIRECTORIES[kind];
  const label = (name: string) =>
    name === "source" ? t("fields.source") : name === "other" ? t("report.other") : t(`fields.${name}`);
  return (
    <div className="narrow">
      <ErrorSummary errors={errors} />
      <Link className="back-link" to={`${directoryPath(lang, def.kind)}/${id}`}>
        {title.map((p) => p.text).join(" ")}
      </Link>
      <h1>{t("report.heading")}</h1>
      <p className="lead">{t("report.lead")}</p>
      <Form method="post" {...getFormProps(form)}>
        <CsrfInput />
        <input type="hidden" name="submissionToken" value={submissionToken} />
        <SelectField
          field={fields.field}
          label={t("report.field")}
          options={fieldNames.map((value) => ({ value, label: label(value) }))}
          placeholder={t("report.choose")}
        />
        <TextArea field={fields.message} label={t("report.message")} hint={t("report.messageHint")} />
        <TextField
          field={fields.email}
          label={t("report.email")}
          hint={t("report.emailHint")}
          type="email"
          autoComplete="email"
          optional
        />
        <p className="muted">{t("report.privacy")}</p>
        <button type="submit">{t("report.submit")}</button>
      </Form>
    </div>
  );
}
