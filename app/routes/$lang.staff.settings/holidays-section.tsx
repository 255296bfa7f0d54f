import { Form, Link, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { CsrfInput, FieldError } from "~/components/forms";
import type { Lang } from "~/lib/i18n/config";
import { formatDate } from "~/lib/i18n/format";
import type { SettingsProblem } from "~/modules/staff/settings-form.server";
import type { Holiday } from "~/modules/staff/settings.server";
import { ScrollRegion } from "~/components/scroll-region";

function HolidayTable({ lang, rows, caption }: { lang: Lang; rows: Holiday[]; caption: string }) {
  const { t } = useTranslation("staff");
  return (
    <ScrollRegion label={caption}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("settings.holidays.date")}</th>
            <th scope="col">{t("settings.holidays.label")}</th>
            <th scope="col">{t("settings.holidays.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((h) => {
            const date = formatDate(lang, h.day, "full");
            return (
              <tr key={h.day}>
                <td>
                  <time dateTime={h.day}>{date}</time>
                </td>
                <td>{h.label}</td>
                <td>
                  <Form method="post">
                    <CsrfInput />
                    <input type="hidden" name="intent" value="removeHoliday" />
                    <input type="hidden" name="day" value={h.day} />
                    <button
                      type="submit"
                      className="secondary"
                      aria-label={t("settings.holidays.removeOne", { label: h.label, date })}
                    >
                      {t("settings.holidays.remove")}
                    </button>
                  </Form>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** Business holidays entered by supervisors: add one, list upcoming (and, on request, past) ones, remove one. */
export function HolidaysSection({
  lang,
  upcoming,
  past,
  problem,
}: {
  lang: Lang;
  upcoming: Holiday[];
  past: Holiday[] | null;
  problem: SettingsProblem | null;
}) {
  const { t } = useTranslation("staff");
  const adding = problem?.intent === "addHoliday" ? problem : null;
  const errors = adding?.errors ?? {};
  const value = (name: string) => (typeof adding?.values[name] === "string" ? (adding.values[name] as string) : "");
  // With scripts on, the page is not reloaded after an add: empty the fields once it went through.
  const navigation = useNavigation();
  const form = useRef<HTMLFormElement>(null);
  const submitted = useRef(false);
  useEffect(() => {
    if (navigation.formData?.get("intent") === "addHoliday") submitted.current = true;
    if (navigation.state !== "idle" || !submitted.current) return;
    submitted.current = false;
    if (!adding) form.current?.reset();
  }, [navigation.state, navigation.formData, adding]);
  const described = (name: string, hint?: boolean) =>
    [hint ? `holiday-${name}-hint` : "", errors[name] ? `holiday-${name}-error` : ""].filter(Boolean).join(" ") ||
    undefined;
  return (
    <section aria-labelledby="holidays">
      <h2 id="holidays" tabIndex={-1}>
        {t("settings.holidays.title")}
      </h2>
      <p>{t("settings.holidays.intro")}</p>
      <Form method="post" noValidate className="card narrow" ref={form}>
        <CsrfInput />
        <input type="hidden" name="intent" value="addHoliday" />
        <div className="field">
          <label htmlFor="holiday-day">{t("settings.holidays.date")}</label>
          <FieldError id="holiday-day-error" messageKey={errors.day} />
          <input
            id="holiday-day"
            name="day"
            type="date"
            className="input-short"
            defaultValue={value("day")}
            aria-invalid={errors.day ? true : undefined}
            aria-describedby={described("day")}
          />
        </div>
        <div className="field">
          <label htmlFor="holiday-label">{t("settings.holidays.label")}</label>
          <p className="hint" id="holiday-label-hint">
            {t("settings.holidays.labelHint")}
          </p>
          <FieldError id="holiday-label-error" messageKey={errors.label} />
          <input
            id="holiday-label"
            name="label"
            maxLength={100}
            defaultValue={value("label")}
            aria-invalid={errors.label ? true : undefined}
            aria-describedby={described("label", true)}
          />
        </div>
        <button type="submit">{t("settings.holidays.add")}</button>
      </Form>
      <h3>{t("settings.holidays.upcoming")}</h3>
      {upcoming.length ? (
        <HolidayTable lang={lang} rows={upcoming} caption={t("settings.holidays.upcoming")} />
      ) : (
        <p>{t("settings.holidays.none")}</p>
      )}
      {past ? (
        <>
          <h3 id="past">{t("settings.holidays.past")}</h3>
          {past.length ? (
            <HolidayTable lang={lang} rows={past} caption={t("settings.holidays.past")} />
          ) : (
            <p>{t("settings.holidays.nonePast")}</p>
          )}
          <p>
            <Link to={`/${lang}/staff/settings#holidays`}>{t("settings.holidays.hidePast")}</Link>
          </p>
        </>
      ) : (
        <p>
          <Link to={`/${lang}/staff/settings?past=1#past`}>{t("settings.holidays.showPast")}</Link>
        </p>
      )}
    </section>
  );
}
