import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/lib/http/responses";
import { isLang } from "~/lib/i18n/config";

export function loader({ params }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  return redirect(`/${params.lang}/account/cases`);
}
