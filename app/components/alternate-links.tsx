import { useLocation } from "@remix-run/react";
import { defaultLang, isLang, locales } from "~/lib/i18n/config";
import { switchLangPath } from "~/lib/i18n/use-lang";

/** Canonical and hreflang alternates for the current page, in every registered language. */
export function AlternateLinks({ origin }: { origin: string }) {
  const { pathname, search } = useLocation();
  if (!isLang(pathname.split("/")[1])) return null;
  const query = new URLSearchParams(search);
  query.delete("lang");
  const qs = query.size ? `?${query.toString()}` : "";
  return (
    <>
      <link rel="canonical" href={`${origin}${pathname}${qs}`} />
      {locales.map((l) => (
        <link
          key={l.code}
          rel="alternate"
          hrefLang={l.code}
          href={`${origin}${switchLangPath(pathname, qs, l.code)}`}
        />
      ))}
      <link rel="alternate" hrefLang="x-default" href={`${origin}${switchLangPath(pathname, qs, defaultLang)}`} />
    </>
  );
}
