import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { isLang } from "~/lib/i18n/config";
import { negotiateLang } from "~/lib/i18n/negotiate";
import { readCookie } from "~/lib/http/cookies";

/** "/" picks a language: the reader's last choice (cookie), then Accept-Language, then English. */
export function loader({ request }: LoaderFunctionArgs) {
  const chosen = readCookie(request.headers.get("Cookie"), "lang");
  const lang = isLang(chosen) ? chosen : negotiateLang(request.headers.get("Accept-Language"));
  return redirect(`/${lang}`, {
    status: 302,
    headers: { Vary: "Accept-Language, Cookie", "Cache-Control": "private, no-cache" },
  });
}
