import { useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { FieldError, summaryFromConform } from "./forms";

type AnyField = FieldMetadata<unknown> | FieldMetadata<string | undefined> | FieldMetadata<number | undefined>;

interface BaseProps {
  field: AnyField;
  label: string;
  hint?: string;
  optional?: boolean;
}

function described(field: AnyField, hint?: string) {
  const ids = [hint ? field.descriptionId : undefined, field.errors?.length ? field.errorId : undefined].filter(
    Boolean
  );
  return {
    id: field.id,
    name: field.name,
    "aria-invalid": field.errors?.length ? true : undefined,
    "aria-describedby": ids.length ? ids.join(" ") : undefined,
  };
}

function Label({ field, label, optional }: BaseProps) {
  const { t } = useTranslation();
  return (
    <label htmlFor={field.id}>
      {label}
      {optional ? <span className="optional"> {t("form.optional")}</span> : null}
    </label>
  );
}

function Parts({ field, hint }: { field: AnyField; hint?: string }) {
  return (
    <>
      {hint ? (
        <p id={field.descriptionId} className="hint">
          {hint}
        </p>
      ) : null}
      <FieldError id={field.errorId} messageKey={field.errors?.[0]} />
    </>
  );
}

const initial = (field: AnyField) => (typeof field.initialValue === "string" ? field.initialValue : undefined);

/** A labelled text input wired to conform (errors, aria, kept value). */
export function TextField(
  props: BaseProps & {
    type?: "text" | "email" | "password" | "tel" | "date" | "number";
    autoComplete?: string;
    width?: "short" | "full";
  }
) {
  const { field, type = "text" } = props;
  return (
    <div className="field">
      <Label {...props} />
      <Parts field={field} hint={props.hint} />
      <input
        key={field.key}
        {...described(field, props.hint)}
        type={type}
        defaultValue={type === "password" ? undefined : initial(field)}
        autoComplete={props.autoComplete}
        className={props.width === "short" ? "input-short" : "input-full"}
      />
    </div>
  );
}

/** A labelled textarea wired to conform. */
export function TextArea(props: BaseProps & { rows?: number }) {
  return (
    <div className="field">
      <Label {...props} />
      <Parts field={props.field} hint={props.hint} />
      <textarea
        key={props.field.key}
        {...described(props.field, props.hint)}
        rows={props.rows ?? 6}
        defaultValue={initial(props.field)}
        className="input-full"
      />
    </div>
  );
}

/** A labelled select; options are value + already-translated label. */
export function SelectField(props: BaseProps & { options: { value: string; label: string }[]; placeholder?: string }) {
  return (
    <div className="field">
      <Label {...props} />
      <Parts field={props.field} hint={props.hint} />
      <select key={props.field.key} {...described(props.field, props.hint)} defaultValue={initial(props.field) ?? ""}>
        {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Radio buttons in a fieldset whose legend is the question. */
export function RadioGroup(props: BaseProps & { options: { value: string; label: string }[] }) {
  const { field } = props;
  const { t } = useTranslation();
  return (
    <fieldset
      className="field"
      aria-describedby={described(field, props.hint)["aria-describedby"]}
      id={field.id}
      tabIndex={-1}
    >
      <legend>
        {props.label}
        {props.optional ? <span className="optional"> {t("form.optional")}</span> : null}
      </legend>
      <Parts field={field} hint={props.hint} />
      {props.options.map((o) => (
        <div className="radio" key={o.value}>
          <input
            type="radio"
            id={`${field.id}-${o.value}`}
            name={field.name}
            value={o.value}
            defaultChecked={initial(field) === o.value}
          />
          <label htmlFor={`${field.id}-${o.value}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** Prefixes the document title with a translated "Error:" while a form shows errors (GOV.UK). */
export function useErrorTitle(hasErrors: boolean) {
  const { t } = useTranslation();
  useEffect(() => {
    if (!hasErrors) return;
    const original = document.title;
    document.title = t("form.errorTitlePrefix", { title: original });
    return () => {
      document.title = original;
    };
  }, [hasErrors, t]);
}

/** One checkbox with its label (e.g. consent). */
export function CheckboxField(props: BaseProps & { value: string }) {
  const { field } = props;
  return (
    <div className="field checkbox">
      <Parts field={field} hint={props.hint} />
      <input
        type="checkbox"
        {...described(field, props.hint)}
        value={props.value}
        defaultChecked={initial(field) === props.value}
      />
      <label htmlFor={field.id}>{props.label}</label>
    </div>
  );
}

/** conform's useForm with the house settings, plus the error summary entries and the "Error:" title. */
export function usePageForm<Schema extends Record<string, unknown>>(
  lastResult: SubmissionResult<string[]> | undefined,
  defaultValue?: Partial<Schema>
) {
  const [form, fields] = useForm<Schema>({
    lastResult,
    defaultValue: defaultValue as never,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const byName = fields as unknown as Record<string, { id: string } | undefined>;
  const errors = summaryFromConform(form.allErrors, (name) => byName[name.split(/[.[]/)[0] ?? ""]?.id ?? form.id);
  useErrorTitle(errors.length > 0);
  return { form, fields, errors };
}
