/** Reasons a thrown error response can carry; the error boundary maps each to localized words. */
export type ErrorReason = "not-found" | "forbidden" | "csrf" | "bad-request" | "payload-too-large" | "unsupported-media-type";

function errorResponse(status: number, reason: ErrorReason, headers?: HeadersInit) {
  return new Response(JSON.stringify({ reason }), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", ...headers },
  });
}

export const notFound = () => errorResponse(404, "not-found");
export const forbidden = (reason: ErrorReason = "forbidden") => errorResponse(403, reason);
export const badRequest = () => errorResponse(400, "bad-request");
