import { jsonResponse } from "~/modules/eligibility/api.server";
import { openApiDocument } from "~/modules/eligibility/openapi.server";

export function loader() {
  return jsonResponse(openApiDocument());
}
