import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Outlet, isRouteErrorResponse, useRouteError, type ClientLoaderFunctionArgs, type ShouldRevalidateFunction } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isLang } from "~/lib/i18n/config";
import { allNamespacesLoaded, loadAllNamespaces } from "~/lib/i18n/lazy-namespaces";
import { useLang } from "~/lib/i18n/use-lang";
import { notFound } from "~/lib/http/responses";
import { Layout } from "~/components/layout";
import { useRootData, type loader as rootLoader } from "~/root";

export function loader({ params }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  return null;
}

/** A page ships only the strings it used; before the next page renders in the browser, the rest are loaded. */
export async function clientLoader({ serverLoader }: ClientLoaderFunctionArgs) {
  await loadAllNamespaces();
  return serverLoader<typeof loader>();
}

export const shouldRevalidate: ShouldRevalidateFunction = ({ defaultShouldRevalidate }) => !allNamespacesLoaded() || defaultShouldRevalidate;

export default function LangLayout() {
  const lang = useLang();
  const root = useRootData();
  return (
    <Layout lang={lang} demo={root?.demo}>
      <Outlet />
    </Layout>
  );
}

const KNOWN = { 400: "badRequest", 403: "forbidden", 404: "notFound", 413: "tooLarge", 503: "unavailable" } as const;
type ErrorKind = (typeof KNOWN)[keyof typeof KNOWN] | "csrf" | "serverError";

function errorKind(error: unknown): ErrorKind {
  if (!isRouteErrorResponse(error)) return "serverError";
  if ((error.data as { reason?: string } | null)?.reason === "csrf") return "csrf";
  return KNOWN[error.status as keyof typeof KNOWN] ?? "serverError";
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ error, matches }) => {
  if (!error) return [];
  const root = matches.find((m) => m.id === "root")?.data;
  return [{ title: root?.errorTitles[errorKind(error)] ?? "Error" }];
};

/** Localized error pages in GOV.UK wording; users see a reference, never a stack trace. */
export function ErrorBoundary() {
  const error = useRouteError();
  const root = useRootData();
  const { t } = useTranslation("errors");
  const urlLang = useLang();
  const lang = root?.lang ?? urlLang;
  const kind = errorKind(error);
  return (
    <Layout lang={lang} demo={root?.demo}>
      <div className="error-page">
        <h1>{t(`${kind}.title`)}</h1>
        <p>{t(`${kind}.body`)}</p>
        <p>
          <a href={`/${lang}`}>{t("backHome")}</a>
        </p>
      </div>
    </Layout>
  );
}
