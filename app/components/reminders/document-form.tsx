import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RadioGroup, SelectField, TextField, usePageForm } from "~/components/fields";
import { CsrfInput, ErrorSummary } from "~/components/forms";
import { useLang } from "~/lib/i18n/use-lang";
import { DOCUMENT_KINDS } from "~/modules/reminders/document-kinds";
import { PointSource, type DocumentCardData } from "./document-card";
import type { DocumentFormInput } from "~/modules/reminders/reminder.schema";

type Values = Partial<Record<keyof DocumentFormInput, string>>;

/** The add / change form of an expiring document; the same fields for both, posted to the page that shows it. */
interface Props {
  title: string;
  /** Every reminder point the reference gives, with its sources. */
  points: (DocumentCardData["points"][number] & { kind: string })[];
  lastResult?: SubmissionResult<string[]>;
  defaults?: Values;
}

export function DocumentForm({ title, points, lastResult, defaults }: Props) {
  const { t } = useTranslation("reminders");
  const lang = useLang();
  const { form, fields, errors } = usePageForm<Values>(lastResult, defaults ?? { holder: "self", ownUnit: "days" });
  return (
    <div className="narrow">
      <ErrorSummary errors={errors} />
      <h1>{title}</h1>
      <Form method="post" {...getFormProps(form)}>
        <CsrfInput />
        <SelectField
          field={fields.kind}
          label={t("form.kind")}
          placeholder={t("form.kindPlaceholder")}
          options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        />
        <RadioGroup
          field={fields.holder}
          label={t("form.holder")}
          options={[
            { value: "self", label: t("form.holderSelf") },
            { value: "family", label: t("form.holderFamily") },
          ]}
        />
        <TextField
          field={fields.holderName}
          label={t("form.holderName")}
          hint={t("form.holderNameHint")}
          optional
          autoComplete="off"
        />
        <TextField
          field={fields.expiresOn}
          label={t("form.expiresOn")}
          hint={t("form.expiresOnHint")}
          type="date"
          width="short"
        />
        <h2>{t("form.sourcePoints")}</h2>
        <ul>
          {points.map((p) => (
            <li key={p.id}>
              <strong>{t(`kinds.${p.kind}`)}</strong> {t(`points.${p.id}.detail`)} <PointSource lang={lang} point={p} />
            </li>
          ))}
        </ul>
        <p>{t("form.sourcePointsOther")}</p>
        <fieldset className="field">
          <legend>
            {t("form.own")} <span className="optional">{t("common:form.optional")}</span>
          </legend>
          <TextField field={fields.ownAmount} label={t("form.ownAmount")} type="number" width="short" optional />
          <SelectField
            field={fields.ownUnit}
            label={t("form.ownUnit")}
            options={[
              { value: "days", label: t("form.days") },
              { value: "weeks", label: t("form.weeks") },
            ]}
          />
          <TextField
            field={fields.remindOn}
            label={t("form.remindOn")}
            hint={t("form.remindOnHint")}
            type="date"
            width="short"
            optional
          />
        </fieldset>
        <div className="button-row">
          <button type="submit">{t("form.save")}</button>
          <Link className="button-link" to={`/${lang}/account/reminders`}>
            {t("form.cancel")}
          </Link>
        </div>
      </Form>
    </div>
  );
}
