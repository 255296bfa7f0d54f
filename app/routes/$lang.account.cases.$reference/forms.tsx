import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RadioGroup, SelectField, TextArea, usePageForm } from "~/components/fields";
import { CsrfInput, ErrorSummary, FieldError } from "~/components/forms";

type Result = SubmissionResult<string[]> | undefined;

function FileInput({ id, name, label, hint, error, multiple }: { id: string; name: string; label: string; hint: string; error?: string; multiple?: boolean }) {
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

/** Write to the consultant, with optional attachments. */
export function ReplyForm({ lastResult }: { lastResult: Result }) {
  const { t } = useTranslation("cases");
  const { form, fields, errors } = usePageForm<{ body: string; attachments: string }>(lastResult);
  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} aria-labelledby="reply-title">
      <ErrorSummary errors={errors} />
      <h2 id="reply-title">{t("reply.title")}</h2>
      <CsrfInput />
      <input type="hidden" name="intent" value="reply" />
      <TextArea field={fields.body} label={t("reply.body")} rows={5} />
      <FileInput id={fields.attachments.id} name="attachments" label={t("reply.attachments")} hint={t("upload.hint")} error={fields.attachments.errors?.[0]} multiple />
      <button type="submit">{t("reply.submit")}</button>
    </Form>
  );
}

/** Upload one document from the pathway's checklist. */
export function UploadForm({ lastResult, checklist }: { lastResult: Result; checklist: string[] }) {
  const { t } = useTranslation("cases");
  const { form, fields, errors } = usePageForm<{ item: string; file: string }>(lastResult);
  const options = [...checklist.map((value) => ({ value, label: t(`checklist.${value}`) })), { value: "other", label: t("upload.other") }];
  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} aria-labelledby="upload-title">
      <ErrorSummary errors={errors} />
      <h3 id="upload-title">{t("upload.title")}</h3>
      <CsrfInput />
      <input type="hidden" name="intent" value="upload" />
      <SelectField field={fields.item} label={t("upload.item")} options={options} />
      <FileInput id={fields.file.id} name="file" label={t("upload.file")} hint={t("upload.hint")} error={fields.file.errors?.[0]} />
      <button type="submit">{t("upload.submit")}</button>
    </Form>
  );
}

/** "Did we answer your question?" */
export function SatisfactionForm({ lastResult }: { lastResult: Result }) {
  const { t } = useTranslation("cases");
  const { form, fields, errors } = usePageForm<{ answer: string }>(lastResult);
  return (
    <Form method="post" {...getFormProps(form)} className="card">
      <ErrorSummary errors={errors} />
      <CsrfInput />
      <input type="hidden" name="intent" value="satisfaction" />
      <RadioGroup field={fields.answer} label={t("satisfaction.question")} options={(["yes", "partly", "no"] as const).map((value) => ({ value, label: t(`satisfaction.${value}`) }))} />
      <button type="submit">{t("satisfaction.submit")}</button>
    </Form>
  );
}
