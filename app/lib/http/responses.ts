/** Reasons a thrown error response can carry; the error boundary maps each to localized words. */
export type ErrorReason =
  | "not-found"
  | "forbidden"
  | "csrf"
  | "bad-request"
  | "payload-too-large"
  | "unsupported-media-type"
  | "unavailable";

function errorResponse(status: number, reason: ErrorReason, headers?: HeadersInit) {
  return new Response(JSON.stringify({ reason }), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", ...headers },
  });
}

export const notFound = () => errorResponse(404, "not-found");
export const forbidden = (reason: ErrorReason = "forbidden") => errorResponse(403, reason);
export const badRequest = () => errorResponse(400, "bad-request");

/** Seconds a client should wait before retrying while the database cannot be reached. */
export const RETRY_AFTER_SECONDS = 5;

/** 503 while the database cannot be reached: a localized page for documents, this JSON for resource routes. */
export const serviceUnavailable = () =>
  errorResponse(503, "unavailable", { "Retry-After": String(RETRY_AFTER_SECONDS) });

/** Document and data responses rendered from a 503 carry Retry-After too (Remix does not copy a thrown response's headers). */
export function markUnavailable(status: number, headers: Headers): void {
  if (status === 503 && !headers.has("Retry-After")) headers.set("Retry-After", String(RETRY_AFTER_SECONDS));
}
