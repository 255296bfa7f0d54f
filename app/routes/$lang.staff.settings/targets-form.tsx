import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput, FieldError } from "~/components/forms";
import { WEEKDAYS } from "~/modules/staff/settings.schema";
import type { SettingsIntent, SettingsProblem } from "~/modules/staff/settings-form.server";
import type { SlaSettings } from "~/modules/staff/settings.server";

/** The id an error-summary link jumps to, for a field of one of the page's forms. */
export function fieldId(intent: SettingsIntent, name: string): string {
  if (intent === "removeHoliday") return "holidays";
  if (intent === "addHoliday") return `holiday-${name}`;
  if (name === "workdays") return "settings-workdays-1";
  return `settings-${name === "form" || name === "version" ? "firstResponseHours" : name}`;
}

function Field({
  name,
  type,
  value,
  error,
  hint,
}: {
  name: keyof SlaSettings;
  type: "number" | "time";
  value: unknown;
  error?: string;
  hint: string;
}) {
  const { t } = useTranslation("staff");
  const id = fieldId("targets", name);
  return (
    <div className="field">
      <label htmlFor={id}>{t(`settings.targets.${name}`)}</label>
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
      <FieldError id={`${id}-error`} messageKey={error} />
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={typeof value === "string" || typeof value === "number" ? value : ""}
        inputMode={type === "number" ? "numeric" : undefined}
        className={type === "number" ? "input-short" : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={[`${id}-hint`, error ? `${id}-error` : ""].filter(Boolean).join(" ")}
      />
    </div>
  );
}

/** Response targets and business hours; a refused submit keeps what was typed (except after a stale save). */
export function TargetsForm({ settings, problem }: { settings: SlaSettings; problem: SettingsProblem | null }) {
  const { t } = useTranslation("staff");
  const errors = problem?.errors ?? {};
  const stale = Object.values(errors).includes("staff:settings.errors.stale");
  const values: Record<string, unknown> =
    problem && !stale ? problem.values : { ...settings, workdays: settings.workdays.map(String) };
  const days = new Set((Array.isArray(values.workdays) ? values.workdays : []).map(String));
  const workdaysError = errors.workdays;
  return (
    <section aria-labelledby="targets-title" className="card narrow">
      <h2 id="targets-title">{t("settings.targets.title")}</h2>
      <Form method="post" noValidate key={settings.version}>
        <CsrfInput />
        <input type="hidden" name="intent" value="targets" />
        <input type="hidden" name="version" value={String(problem && !stale ? values.version : settings.version)} />
        <Field
          name="firstResponseHours"
          type="number"
          value={values.firstResponseHours}
          error={errors.firstResponseHours}
          hint={t("settings.targets.firstResponseHint")}
        />
        <Field
          name="nextResponseHours"
          type="number"
          value={values.nextResponseHours}
          error={errors.nextResponseHours}
          hint={t("settings.targets.nextResponseHint")}
        />
        <Field
          name="dayStart"
          type="time"
          value={values.dayStart}
          error={errors.dayStart}
          hint={t("settings.targets.timeHint")}
        />
        <Field
          name="dayEnd"
          type="time"
          value={values.dayEnd}
          error={errors.dayEnd}
          hint={t("settings.targets.timeHint")}
        />
        <fieldset className="checkbox-group" aria-describedby={workdaysError ? "settings-workdays-error" : undefined}>
          <legend>{t("settings.targets.workdays")}</legend>
          <FieldError id="settings-workdays-error" messageKey={workdaysError} />
          {WEEKDAYS.map((d) => (
            <label key={d}>
              <input
                type="checkbox"
                id={`settings-workdays-${d}`}
                name="workdays"
                value={d}
                defaultChecked={days.has(String(d))}
              />{" "}
              {t(`settings.weekdays.${d}`)}
            </label>
          ))}
        </fieldset>
        <button type="submit">{t("settings.targets.save")}</button>
      </Form>
    </section>
  );
}
