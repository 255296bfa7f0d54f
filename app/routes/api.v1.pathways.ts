import type { LoaderFunctionArgs } from "@remix-run/node";
import { jsonResponse, langParam, pathwaysForApi } from "~/modules/eligibility/api.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const lang = langParam(request);
  if (lang instanceof Response) return lang;
  return jsonResponse({ pathways: await pathwaysForApi(lang) });
}
