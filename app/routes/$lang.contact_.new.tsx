import { localeInfo } from "~/lib/i18n/config";
import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v3";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { RadioGroup, TextArea, TextField, usePageForm } from "~/components/fields";
import { CsrfInput, ErrorSummary } from "~/components/forms";
import { getDb } from "~/lib/db.server";
import { readForm } from "~/lib/forms/read-form.server";
import { notFound } from "~/lib/http/responses";
import { isLang } from "~/lib/i18n/config";
import { getFixedT } from "~/lib/i18n/i18n.server";
import { useLang } from "~/lib/i18n/use-lang";
import { pageMeta } from "~/lib/meta";
import { requireUser } from "~/modules/accounts/session.server";
import { createConsultation } from "~/modules/cases/case-actions.server";
import { newSubmissionToken } from "~/modules/cases/cases.server";
import { channels, ConsultationSchema, officeIds, prefLangs } from "~/modules/cases/cases.schema";
import { linkFor } from "~/modules/notifications/outbox.server";

export const handle = { i18n: ["cases"] };
export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

export async function loader({ params, request }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  await requireUser(request);
  const t = await getFixedT(params.lang, "cases");
  return { submissionToken: newSubmissionToken(), meta: { title: t("consultation.title") } };
}

const Schema = ConsultationSchema.superRefine((v, ctx) => {
  if (v.channel === "phone" && !v.phone)
    ctx.addIssue({ code: "custom", path: ["phone"], message: "cases:errors.phoneForCall" });
});

export async function action({ request, params }: ActionFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const user = await requireUser(request);
  const submission = parseWithZod(await readForm(request), { schema: Schema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const opened = await createConsultation(await getDb(), user, submission.value, linkFor());
  return redirect(`/${params.lang}/account/cases/${opened.reference}?opened=1`, 303);
}

const topics = ["visa", "work", "family", "tax", "living", "other"] as const;

export default function NewConsultation() {
  const { submissionToken } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("cases");
  const lang = useLang();
  const { form, fields, errors } = usePageForm<z.input<typeof ConsultationSchema>>(lastResult, {
    lang,
    office: "any",
    channel: "email",
  });
  const opts = <T extends string>(values: readonly T[], prefix: string) =>
    values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
  return (
    <div className="narrow">
      <ErrorSummary errors={errors} />
      <h1>{t("consultation.title")}</h1>
      <p className="lead">{t("consultation.lead")}</p>
      <Form method="post" {...getFormProps(form)}>
        <CsrfInput />
        <input type="hidden" name="submissionToken" value={submissionToken} />
        <RadioGroup field={fields.topic} label={t("consultation.topic")} options={opts(topics, "topics")} />
        <TextArea field={fields.question} label={t("consultation.question")} hint={t("consultation.questionHint")} />
        <RadioGroup
          field={fields.lang}
          label={t("consultation.lang")}
          options={prefLangs.map((value) => ({ value, label: localeInfo(value).nativeName }))}
        />
        <RadioGroup field={fields.office} label={t("consultation.office")} options={opts(officeIds, "offices")} />
        <RadioGroup field={fields.channel} label={t("consultation.channel")} options={opts(channels, "channels")} />
        <TextField
          field={fields.phone}
          label={t("consultation.phone")}
          hint={t("consultation.phoneHint")}
          type="tel"
          autoComplete="tel"
          optional
          width="short"
        />
        <p className="muted">{t("consultation.privacy")}</p>
        <button type="submit">{t("consultation.submit")}</button>
      </Form>
    </div>
  );
}
