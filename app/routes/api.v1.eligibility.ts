import type { ActionFunctionArgs } from "@remix-run/node";
import {
  apiError,
  evaluateForApi,
  issuesOf,
  jsonResponse,
  langParam,
  readLimited,
  requestSchema,
} from "~/modules/eligibility/api.server";

export function loader() {
  return apiError(405, "method-not-allowed", { allowed: ["POST"] }, { Allow: "POST" });
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return apiError(405, "method-not-allowed", { allowed: ["POST"] }, { Allow: "POST" });
  const lang = langParam(request);
  if (lang instanceof Response) return lang;
  if (!/^application\/json\s*(;|$)/i.test(request.headers.get("Content-Type") ?? ""))
    return apiError(415, "unsupported-media-type", { expected: "application/json" });
  const text = await readLimited(request);
  if (text instanceof Response) return text;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return apiError(400, "invalid-json");
  }
  const parsed = requestSchema().safeParse(body);
  if (!parsed.success) return apiError(400, "invalid-request", await issuesOf(parsed.error, lang));
  return jsonResponse(await evaluateForApi(parsed.data, lang));
}
