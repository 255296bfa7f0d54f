import { hasControlChars } from "./control-chars";

/**
 * The one check for `redirectTo`: a path on this site, or the fallback. Refuses other origins in every spelling a
 * browser might follow (`//x`, `/\x`, `/\t/x`, a scheme), any control character or whitespace (a CR or LF would
 * also break the Location header) and anything longer than 500 characters.
 */
export function safeRedirectPath(value: unknown, fallback: string, options: { under?: string } = {}): string {
  if (typeof value !== "string" || value.length > 500 || !value.startsWith("/")) return fallback;
  if (hasControlChars(value) || /[\s\\]/.test(value) || value.startsWith("//")) return fallback;
  let url: URL;
  try {
    url = new URL(value, "http://portal.invalid");
  } catch {
    return fallback;
  }
  if (url.origin !== "http://portal.invalid") return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (path.startsWith("//") || (options.under && !path.startsWith(options.under))) return fallback;
  return path;
}
