import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RadioGroup, TextArea, usePageForm } from "~/components/fields";
import { CsrfInput, ErrorSummary } from "~/components/forms";
import { FileInput } from "~/components/upload-form";

type Result = SubmissionResult<string[]> | undefined;

/** Write to the consultant, with optional attachments. */
export function ReplyForm({ lastResult, token }: { lastResult: Result; token: string }) {
  const { t } = useTranslation("cases");
  const { form, fields, errors } = usePageForm<{ body: string; attachments: string }>(lastResult);
  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} aria-labelledby="reply-title">
      <ErrorSummary errors={errors} />
      <h2 id="reply-title">{t("reply.title")}</h2>
      <CsrfInput />
      <input type="hidden" name="intent" value="reply" />
      <input type="hidden" name="token" value={token} />
      <TextArea field={fields.body} label={t("reply.body")} rows={5} />
      <FileInput
        id={fields.attachments.id}
        name="attachments"
        label={t("reply.attachments")}
        hint={t("upload.hint")}
        error={fields.attachments.errors?.[0]}
        multiple
      />
      <button type="submit">{t("reply.submit")}</button>
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
      <RadioGroup
        field={fields.answer}
        label={t("satisfaction.question")}
        options={(["yes", "partly", "no"] as const).map((value) => ({ value, label: t(`satisfaction.${value}`) }))}
      />
      <button type="submit">{t("satisfaction.submit")}</button>
    </Form>
  );
}
