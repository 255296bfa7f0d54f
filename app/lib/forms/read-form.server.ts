import { requireCsrf } from "../security/csrf-guard.server";

/** Largest request body accepted: one 10 MB upload plus the form around it. */
export const MAX_BODY_BYTES = 11 * 1024 * 1024;

/** Reads a POST body (refusing oversized ones with 413 before parsing) and checks its CSRF token. */
export async function readForm(request: Request, maxBytes = MAX_BODY_BYTES): Promise<FormData> {
  const length = Number(request.headers.get("Content-Length") ?? "0");
  if (length > maxBytes) {
    throw new Response(JSON.stringify({ reason: "payload-too-large" }), {
      status: 413,
      headers: { "Content-Type": "application/json; charset=utf-8" },
    });
  }
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    throw new Response(JSON.stringify({ reason: "bad-request" }), {
      status: 400,
      headers: { "Content-Type": "application/json; charset=utf-8" },
    });
  }
  requireCsrf(request, formData);
  return formData;
}
