import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { CsrfInput, ErrorSummary, FieldError, summaryFromConform } from "~/components/forms";
import type { AnswerValue, Fact } from "~/modules/eligibility/facts.schema";

type Props = {
  fact: Fact;
  value: AnswerValue | undefined;
  lastResult: SubmissionResult<string[]> | undefined;
  title: string;
};

function initial(fact: Fact, value: AnswerValue | undefined): Record<string, string | string[] | undefined> {
  if (value === undefined) return fact.type === "money" ? { currency: fact.currencies?.[0] } : {};
  if (fact.type === "money" && typeof value === "object" && !Array.isArray(value))
    return { amount: String(value.amount), currency: value.currency };
  if (fact.type === "boolean") return { value: value ? "yes" : "no" };
  if (fact.type === "multi") return { value: (value as string[]).length ? (value as string[]) : ["none"] };
  return { value: String(value) };
}

/** One question per page: the legend or label is the H1; works as a plain POST without JavaScript.
 * Validation runs on the server only (zod stays out of the page's JavaScript; see README Decisions). */
export function QuestionForm({ fact, value, lastResult, title }: Props) {
  const { t } = useTranslation("eligibility");
  const [form, fields] = useForm<Record<string, unknown>>({
    lastResult,
    defaultValue: initial(fact, value) as Record<string, string>,
    shouldValidate: "onSubmit",
  });
  const errors = summaryFromConform(form.allErrors, (name) => `${form.id}-${name}`);
  useEffect(() => {
    if (errors.length && !document.title.startsWith(t("common:form.errorTitlePrefix", { title: "" })))
      document.title = t("common:form.errorTitlePrefix", { title });
  }, [errors.length, t, title]);
  const question = t(`facts.${fact.id}.question`);
  const hint = t(`facts.${fact.id}.hint`, { defaultValue: "" });
  return (
    <>
      <ErrorSummary errors={errors} />
      <Form method="post" {...getFormProps(form)} className="question">
        <CsrfInput />
        {fact.type === "number" ? (
          <NumberField
            id={`${form.id}-value`}
            name="value"
            question={question}
            hint={hint}
            error={fields.value?.errors?.[0]}
            defaultValue={fields.value?.initialValue as string | undefined}
          />
        ) : fact.type === "money" ? (
          <MoneyField
            formId={form.id}
            fact={fact}
            question={question}
            hint={hint}
            amount={fields.amount ?? {}}
            currency={fields.currency ?? {}}
          />
        ) : (
          <ChoiceField
            formId={form.id}
            fact={fact}
            question={question}
            hint={hint}
            error={fields.value?.errors?.[0]}
            initialValue={fields.value?.initialValue}
          />
        )}
        <button type="submit">{t("wizard.continue")}</button>
      </Form>
    </>
  );
}

type FieldMeta = { errors?: string[]; initialValue?: unknown };

function describedBy(id: string, hint: string, error?: string) {
  return [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
}

function NumberField({
  id,
  name,
  question,
  hint,
  error,
  defaultValue,
}: {
  id: string;
  name: string;
  question: string;
  hint: string;
  error?: string;
  defaultValue?: string;
}) {
  return (
    <div className="field">
      <h1>
        <label htmlFor={id}>{question}</label>
      </h1>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} messageKey={error} />
      <input
        id={id}
        name={name}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        size={10}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </div>
  );
}

function MoneyField({
  formId,
  fact,
  question,
  hint,
  amount,
  currency,
}: {
  formId: string;
  fact: Fact;
  question: string;
  hint: string;
  amount: FieldMeta;
  currency: FieldMeta;
}) {
  const { t } = useTranslation("eligibility");
  const id = `${formId}-amount`;
  const error = amount.errors?.[0] ?? currency.errors?.[0];
  return (
    <fieldset className="field" aria-describedby={describedBy(id, hint, error)}>
      <legend>
        <h1>{question}</h1>
      </legend>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} messageKey={error} />
      <div className="money-inputs">
        <div>
          <label htmlFor={id}>{t("wizard.amount")}</label>
          <input
            id={id}
            name="amount"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            size={14}
            defaultValue={amount.initialValue as string | undefined}
            aria-invalid={amount.errors ? true : undefined}
          />
        </div>
        <div>
          <label htmlFor={`${formId}-currency`}>{t("wizard.currency")}</label>
          <select
            id={`${formId}-currency`}
            name="currency"
            defaultValue={(currency.initialValue as string | undefined) ?? fact.currencies?.[0]}
            aria-invalid={currency.errors ? true : undefined}
          >
            {(fact.currencies ?? []).map((c) => (
              <option key={c} value={c}>
                {t(`wizard.currencies.${c}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
    </fieldset>
  );
}

function ChoiceField({
  formId,
  fact,
  question,
  hint,
  error,
  initialValue,
}: {
  formId: string;
  fact: Fact;
  question: string;
  hint: string;
  error?: string;
  initialValue?: unknown;
}) {
  const { t } = useTranslation("eligibility");
  const id = `${formId}-value`;
  const multi = fact.type === "multi";
  const values =
    fact.type === "boolean" ? ["yes", "no"] : [...(fact.options ?? []).map((o) => o.value), ...(multi ? ["none"] : [])];
  const checked = (v: string) => (Array.isArray(initialValue) ? initialValue.includes(v) : initialValue === v);
  const label = (v: string) =>
    fact.type === "boolean"
      ? t(`wizard.${v}`)
      : multi && v === "none"
      ? t("wizard.none")
      : t(`facts.${fact.id}.options.${v}`);
  return (
    <fieldset className="field choices" aria-describedby={describedBy(id, hint, error)}>
      <legend>
        <h1>{question}</h1>
      </legend>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} messageKey={error} />
      {values.map((v, i) => (
        <div className="choice" key={v}>
          <input
            id={i === 0 ? id : `${id}-${v}`}
            type={multi ? "checkbox" : "radio"}
            name="value"
            value={v}
            defaultChecked={checked(v)}
            aria-invalid={error ? true : undefined}
          />
          <label htmlFor={i === 0 ? id : `${id}-${v}`}>{label(v)}</label>
        </div>
      ))}
    </fieldset>
  );
}
