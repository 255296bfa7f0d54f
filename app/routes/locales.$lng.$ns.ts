import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/lib/http/responses";
import { isLang, namespaces, type Namespace } from "~/lib/i18n/config";
import { resourcesFor } from "~/lib/i18n/i18n.server";

const isNamespace = (value: unknown): value is Namespace => (namespaces as readonly unknown[]).includes(value);

/** One namespace of one locale, for pages reached by client-side navigation that need strings the first page did not. */
export function loader({ params }: LoaderFunctionArgs) {
  if (!isLang(params.lng) || !isNamespace(params.ns)) throw notFound();
  return new Response(JSON.stringify(resourcesFor(params.lng)[params.ns]), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}
