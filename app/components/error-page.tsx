import { isRouteErrorResponse } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Lang } from "~/lib/i18n/config";

const KNOWN = { 400: "badRequest", 403: "forbidden", 404: "notFound", 413: "tooLarge", 503: "unavailable" } as const;
export type ErrorKind = (typeof KNOWN)[keyof typeof KNOWN] | "csrf" | "serverError";

/** Which localized error text fits a thrown response or error. */
export function errorKind(error: unknown): ErrorKind {
  if (!isRouteErrorResponse(error)) return "serverError";
  if ((error.data as { reason?: string } | null)?.reason === "csrf") return "csrf";
  return KNOWN[error.status as keyof typeof KNOWN] ?? "serverError";
}

/** Localized error text in GOV.UK wording; users see a reference, never a stack trace. */
export function ErrorPage({ lang, error }: { lang: Lang; error: unknown }) {
  const { t } = useTranslation("errors");
  const kind = errorKind(error);
  return (
    <div className="error-page">
      <h1>{t(`${kind}.title`)}</h1>
      <p>{t(`${kind}.body`)}</p>
      <p>
        <a href={`/${lang}`}>{t("backHome")}</a>
      </p>
    </div>
  );
}
