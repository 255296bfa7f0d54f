import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Outlet,
  useMatches,
  useRouteError,
  type ClientLoaderFunctionArgs,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import { isLang } from "~/lib/i18n/config";
import { allNamespacesLoaded, loadAllNamespaces } from "~/lib/i18n/lazy-namespaces";
import { useLang } from "~/lib/i18n/use-lang";
import { notFound } from "~/lib/http/responses";
import { ErrorPage, errorKind } from "~/components/error-page";
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

export const shouldRevalidate: ShouldRevalidateFunction = ({ defaultShouldRevalidate }) =>
  !allNamespacesLoaded() || defaultShouldRevalidate;

/** Public pages get the site layout; the staff workspace (a route with `handle.workspace`) draws its own. */
export default function LangLayout() {
  const lang = useLang();
  const root = useRootData();
  const workspace = useMatches().some((m) => (m.handle as { workspace?: boolean } | undefined)?.workspace);
  if (workspace) return <Outlet />;
  return (
    <Layout lang={lang} demo={root?.demo}>
      <Outlet />
    </Layout>
  );
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
  const urlLang = useLang();
  const lang = root?.lang ?? urlLang;
  return (
    <Layout lang={lang} demo={root?.demo}>
      <ErrorPage lang={lang} error={error} />
    </Layout>
  );
}
