import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { defaultLang, isLang, localeInfo } from "~/lib/i18n/config";
import { negotiateLang } from "~/lib/i18n/negotiate";
import { getFixedT } from "~/lib/i18n/i18n.server";
import { getEnv } from "~/lib/env.server";
import { csrfFor } from "~/lib/security/csrf-guard.server";
import { AlternateLinks } from "~/components/alternate-links";
import { I18nScript } from "~/components/i18n-script";
import { useNonce } from "~/components/nonce";
import stylesHref from "~/styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

const ERROR_KINDS = ["badRequest", "forbidden", "notFound", "tooLarge", "unavailable", "csrf", "serverError"] as const;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = isLang(params.lang) ? params.lang : negotiateLang(request.headers.get("Accept-Language"));
  const { publicOrigin: origin, demo } = getEnv();
  const t = await getFixedT(lang, "errors");
  const errorTitles = Object.fromEntries(ERROR_KINDS.map((k) => [k, t(`${k}.title`)])) as Record<
    (typeof ERROR_KINDS)[number],
    string
  >;
  return { lang, origin, demo, csrfToken: csrfFor(context), errorTitles };
}

export function shouldRevalidate() {
  return false;
}

export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}

/**
 * A route whose page has nothing for scripts to improve says `handle = { scripts: false }` and ships no JavaScript
 * (Remix's "disabling JavaScript" guide): its links and forms are plain HTML, the next page loads whole.
 */
function useScripts(): boolean {
  return useMatches().every((m) => (m.handle as { scripts?: boolean } | undefined)?.scripts !== false);
}

function Document({ lang, children }: { lang: string; children: React.ReactNode }) {
  const nonce = useNonce();
  const data = useRootData();
  const scripts = useScripts();
  const dir = isLang(lang) ? localeInfo(lang).dir : "ltr";
  return (
    <html lang={lang} dir={dir}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <Meta />
        <Links />
        {data ? <AlternateLinks origin={data.origin} /> : null}
      </head>
      <body>
        {children}
        {scripts ? (
          <>
            <I18nScript />
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

export default function App() {
  const data = useRootData();
  return (
    <Document lang={data?.lang ?? defaultLang}>
      <Outlet />
    </Document>
  );
}

/** Last-resort boundary: needs no loader data; the server's i18n instance still gives its words. */
export function ErrorBoundary() {
  const error = useRouteError();
  const { t, i18n } = useTranslation("errors");
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const kind = status === 404 ? "notFound" : status === 503 ? "unavailable" : "serverError";
  return (
    <Document lang={i18n.language ?? defaultLang}>
      <main id="main" className="container error-page">
        <h1>{t(`${kind}.title`)}</h1>
        <p>{t(`${kind}.body`)}</p>
        <p>
          <a href="/">{t("backHome")}</a>
        </p>
      </main>
    </Document>
  );
}
