import { defaultLang, locales, type Lang } from "./config";

interface Range {
  tag: string;
  q: number;
  order: number;
}

function parseAcceptLanguage(header: string): Range[] {
  return header
    .split(",")
    .map((part, order) => {
      const [rawTag = "", ...params] = part.trim().split(";");
      const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const q = qParam ? Number(qParam.slice(2)) : 1;
      return { tag: rawTag.trim().toLowerCase(), q: Number.isFinite(q) ? q : 0, order };
    })
    .filter((r) => r.tag !== "" && r.tag !== "*" && r.q > 0 && r.q <= 1 && /^[a-z]{1,8}(-[a-z0-9]{1,8})*$/.test(r.tag))
    .sort((a, b) => b.q - a.q || a.order - b.order);
}

/** The registry language a single tag maps to: exact tag first, then ever shorter prefixes. */
function matchTag(tag: string): Lang | undefined {
  const parts = tag.split("-");
  for (let n = parts.length; n > 0; n--) {
    const prefix = parts.slice(0, n).join("-");
    const hit = locales.find((l) => (l.matches as readonly string[]).includes(prefix));
    if (hit) return hit.code;
  }
  return undefined;
}

/** Picks the best supported language for an Accept-Language header (RFC 9110 weights). */
export function negotiateLang(header: string | null | undefined): Lang {
  if (!header) return defaultLang;
  for (const range of parseAcceptLanguage(header)) {
    const lang = matchTag(range.tag);
    if (lang) return lang;
  }
  return defaultLang;
}
