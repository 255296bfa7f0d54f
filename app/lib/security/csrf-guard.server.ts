import type { AppLoadContext } from "@remix-run/node";
import { forbidden } from "../http/responses";
import { CSRF_FIELD, csrfToken, verifyCsrf } from "./csrf.server";
import { appSecret, appSecrets } from "./secret.server";

/** The token to embed in this browser's forms (the server set its seed cookie on this request). */
export function csrfFor(context: AppLoadContext): string {
  return csrfToken(appSecret(), context.csrfSeed);
}

/** Throws a 403 unless the form carries this browser's CSRF token. */
export function requireCsrf(request: Request, formData: FormData): void {
  if (!verifyCsrf(request.headers.get("Cookie"), formData.get(CSRF_FIELD), appSecrets())) {
    throw forbidden("csrf");
  }
}
