import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SelectField, usePageForm } from "./fields";
import { CsrfInput, ErrorSummary, FieldError } from "./forms";

type Result = SubmissionResult<string[]> | undefined;

/** A file input for PDF, JPEG or PNG with its hint and error. */
export function FileInput({
  id,
  name,
  label,
  hint,
  error,
  multiple,
}: {
  id: string;
  name: string;
  label: string;
  hint: string;
  error?: string;
  multiple?: boolean;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <p id={`${id}-hint`} className="hint">
        {hint}
      </p>
      <FieldError id={`${id}-error`} messageKey={error} />
      <input
        type="file"
        id={id}
        name={name}
        multiple={multiple}
        accept="application/pdf,image/jpeg,image/png"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
      />
    </div>
  );
}

/** Upload one document from the pathway's checklist (case page and application draft). */
export function UploadForm({ lastResult, checklist }: { lastResult: Result; checklist: string[] }) {
  const { t } = useTranslation("cases");
  const { form, fields, errors } = usePageForm<{ item: string; file: string }>(lastResult);
  const options = [
    ...checklist.map((value) => ({ value, label: t(`checklist.${value}`) })),
    { value: "other", label: t("upload.other") },
  ];
  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} aria-labelledby="upload-title">
      <ErrorSummary errors={errors} />
      <h3 id="upload-title">{t("upload.title")}</h3>
      <CsrfInput />
      <input type="hidden" name="intent" value="upload" />
      <SelectField field={fields.item} label={t("upload.item")} options={options} />
      <FileInput
        id={fields.file.id}
        name="file"
        label={t("upload.file")}
        hint={t("upload.hint")}
        error={fields.file.errors?.[0]}
      />
      <button type="submit">{t("upload.submit")}</button>
    </Form>
  );
}
