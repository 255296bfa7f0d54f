import { safeRedirectPath } from "~/lib/http/redirect-to";
/** Why someone is asked to sign in, read from where they were going; the pages say it in words. */
export type JourneyReason = { key: "apply"; pathway: string } | { key: "applyAny" | "consult" | "case" | "account" };

const PATHWAY = /^[a-z-]{3,40}$/;

/** The reason behind a return path such as `/en/account/applications/new?pathway=gold-card&check=…`. */
export function journeyReason(redirectTo: string | null | undefined): JourneyReason | null {
  const safe = safeRedirectPath(redirectTo, "");
  if (!safe) return null;
  const url = new URL(safe, "http://portal.invalid");
  const path = url.pathname.split("/").slice(2).join("/");
  const pathway = url.searchParams.get("pathway") ?? "";
  if (path === "account/applications/new" && PATHWAY.test(pathway)) return { key: "apply", pathway };
  if (path.startsWith("account/applications")) return { key: "applyAny" };
  if (path.startsWith("contact/new")) return { key: "consult" };
  if (path.startsWith("account/cases/")) return { key: "case" };
  return { key: "account" };
}

/** A query string carrying the return path on to the next page of the journey ("" when there is none). */
export function withReturn(redirectTo: string | null | undefined): string {
  return redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : "";
}
