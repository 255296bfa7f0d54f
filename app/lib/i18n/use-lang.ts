import { useParams } from "@remix-run/react";
import { defaultLang, isLang, type Lang } from "./config";

/** The page's language, from the URL's first segment. */
export function useLang(): Lang {
  const { lang } = useParams();
  return isLang(lang) ? lang : defaultLang;
}

/** The same path and query in another language. */
export function switchLangPath(pathname: string, search: string, to: Lang): string {
  const rest = pathname.split("/").slice(2).join("/");
  return `/${to}${rest ? `/${rest}` : ""}${search}`;
}
