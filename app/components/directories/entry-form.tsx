import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput, ErrorSummary, FieldError, summaryFromConform } from "~/components/forms";
import { DIRECTORIES, type DirectoryKind, type ListField } from "~/modules/directories/kinds";
import { VocabOptions } from "./vocab-options";

type Values = Record<string, string | string[] | boolean | null | undefined>;
type Errors = Record<string, string[] | undefined>;

const baseName = (name: string) => name.split(/[.[]/)[0] ?? name;
const fieldId = (name: string) => `entry-${name}`;
const errorId = (name: string) => `entry-${name}-error`;

function firstError(errors: Errors, name: string): string | undefined {
  return Object.entries(errors).find(([key]) => baseName(key) === name)?.[1]?.[0];
}

function TextInput({
  name,
  label,
  value,
  error,
  long,
  hint,
  optional,
}: {
  name: string;
  label: string;
  value: unknown;
  error?: string;
  long?: boolean;
  hint?: string;
  optional?: boolean;
}) {
  const { t } = useTranslation();
  const props = {
    id: fieldId(name),
    name,
    defaultValue: typeof value === "string" ? value : "",
    "aria-invalid": error ? true : undefined,
    "aria-describedby":
      [hint ? `${fieldId(name)}-hint` : "", error ? errorId(name) : ""].filter(Boolean).join(" ") || undefined,
  };
  return (
    <div className="field">
      <label htmlFor={props.id}>
        {label}
        {optional ? ` ${t("form.optional")}` : ""}
      </label>
      {hint ? (
        <p className="hint" id={`${props.id}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldError id={errorId(name)} messageKey={error} />
      {long ? <textarea {...props} rows={4} cols={60} /> : <input {...props} type="text" size={50} />}
    </div>
  );
}

function ListInput({ list, value, error }: { list: ListField; value: unknown; error?: string }) {
  const { t } = useTranslation("directories");
  const chosen = new Set(Array.isArray(value) ? value : typeof value === "string" ? [value] : []);
  const label = t(`fields.${list.name}`);
  if (list.max === 1) {
    return (
      <div className="field">
        <label htmlFor={fieldId(list.name)}>{label}</label>
        <FieldError id={errorId(list.name)} messageKey={error} />
        <select
          id={fieldId(list.name)}
          name={list.name}
          defaultValue={[...chosen][0] ?? ""}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId(list.name) : undefined}
        >
          <VocabOptions list={list} emptyLabel={t("fields.notGiven")} />
        </select>
      </div>
    );
  }
  return (
    <fieldset
      className="checkbox-group"
      id={fieldId(list.name)}
      aria-describedby={error ? errorId(list.name) : undefined}
    >
      <legend>{label}</legend>
      <FieldError id={errorId(list.name)} messageKey={error} />
      {list.vocab.map((code) => (
        <label key={code}>
          <input type="checkbox" name={list.name} value={code} defaultChecked={chosen.has(code)} />{" "}
          {t(`${list.labels}.${code}`)}
        </label>
      ))}
    </fieldset>
  );
}

/** The staff form for a new or existing entry; fields come from the directory's definition. */
export function EntryForm({
  kind,
  entry,
  lastResult,
}: {
  kind: DirectoryKind;
  entry: Values | null;
  lastResult?: SubmissionResult<string[]> | null;
}) {
  const { t } = useTranslation("directories");
  const def = DIRECTORIES[kind];
  const [form] = useForm({ lastResult, shouldValidate: "onSubmit", shouldRevalidate: "onInput", id: "entry" });
  const values: Values = { ...(entry ?? {}), ...((lastResult?.initialValue as Values | undefined) ?? {}) };
  const errors: Errors = (form.allErrors as Errors) ?? {};
  const summary = summaryFromConform(
    Object.fromEntries(Object.entries(errors).map(([k, v]) => [baseName(k), v])),
    fieldId
  );
  const text = (name: string, label: string, extra: { long?: boolean; hint?: string; optional?: boolean } = {}) => (
    <TextInput key={name} name={name} label={label} value={values[name]} error={firstError(errors, name)} {...extra} />
  );
  return (
    <Form method="post" {...getFormProps(form)}>
      <ErrorSummary errors={summary} />
      <CsrfInput />
      {entry ? null : text("id", t("fields.id"), { hint: t("staff.idHint"), optional: true })}
      {def.text.flatMap((f) =>
        f.localized
          ? [
              text(`${f.name}_en`, t("fields.en", { field: t(`fields.${f.name}`) }), {
                long: f.long,
                optional: !f.required,
              }),
              text(`${f.name}_zh`, t("fields.zh", { field: t(`fields.${f.name}`) }), {
                long: f.long,
                optional: !f.required,
              }),
            ]
          : [text(f.name, t(`fields.${f.name}`), { optional: true })]
      )}
      {def.lists.map((list) => (
        <ListInput key={list.name} list={list} value={values[list.name]} error={firstError(errors, list.name)} />
      ))}
      {text("source_title", t("fields.source_title"))}
      {text("source_url", t("fields.source_url"))}
      {text("source_publisher", t("fields.source_publisher"), { optional: true })}
      {text("source_date", t("fields.source_date"), { optional: true, hint: t("staff.sourceDateHint") })}
      <div className="field checkbox">
        <label>
          <input
            type="checkbox"
            name="unverified"
            value="true"
            defaultChecked={values.unverified === true || values.unverified === "true"}
          />{" "}
          {t("fields.unverifiedLabel")}
        </label>
      </div>
      {text("last_verified", t("fields.last_verified"), { hint: t("staff.dateHint") })}
      <button type="submit" name="intent" value="save">
        {t("staff.save")}
      </button>
    </Form>
  );
}
