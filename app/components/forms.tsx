import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useRouteLoaderData } from "@remix-run/react";

const CSRF_FIELD = "_csrf";

/** The hidden CSRF token every POST form carries. */
export function CsrfInput() {
  const root = useRouteLoaderData("root") as { csrfToken?: string } | undefined;
  return <input type="hidden" name={CSRF_FIELD} value={root?.csrfToken ?? ""} />;
}

export interface SummaryError {
  /** The id of the field the message is about (the link target). */
  fieldId: string;
  /** An i18n key such as `forms:email.invalid`. */
  messageKey: string;
}

/** GOV.UK error summary: first in main, takes focus, links to each field. */
export function ErrorSummary({ errors }: { errors: SummaryError[] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length) ref.current?.focus();
  }, [errors]);
  if (!errors.length) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={ref}>
      <h2 id="error-summary-title">{t("form.errorSummary")}</h2>
      <ul>
        {errors.map((e) => (
          <li key={`${e.fieldId}-${e.messageKey}`}>
            <a href={`#${e.fieldId}`}>{t(e.messageKey)}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A field's error line with the visually hidden "Error:" prefix. */
export function FieldError({ id, messageKey }: { id: string; messageKey?: string }) {
  const { t } = useTranslation();
  if (!messageKey) return null;
  return (
    <p id={id} className="field-error">
      <span className="visually-hidden">{t("form.errorPrefix")} </span>
      {t(messageKey)}
    </p>
  );
}

/** Turns conform's `{ field: [keys] }` error map into summary entries, in form order. */
export function summaryFromConform(
  errors: Record<string, string[] | undefined> | undefined,
  idFor: (name: string) => string
): SummaryError[] {
  return Object.entries(errors ?? {}).flatMap(([name, keys]) =>
    (keys ?? []).slice(0, 1).map((messageKey) => ({ fieldId: idFor(name), messageKey }))
  );
}

/**
 * A polite live region that is always in the page, so the confirmation put into it after a send (a client-side
 * navigation with JavaScript on) is announced; without JavaScript it is part of the page that loads.
 */
export function LiveStatus({ message }: { message: string | null | undefined }) {
  return (
    <div role="status" aria-live="polite" className={message ? "panel-confirm" : "live-empty"}>
      {message ? <p>{message}</p> : null}
    </div>
  );
}
