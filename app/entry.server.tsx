import type { AppLoadContext, EntryContext, HandleDataRequestFunction, HandleErrorFunction } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
// The web-streams renderer: react-dom 18's Node renderer (renderToPipeableStream) writes its whole 2 KB buffer when a
// multi-byte character does not fit at the end, so NUL bytes reached the page at chunk boundaries (issue 13).
import { renderToReadableStream } from "react-dom/server.browser";
import { I18nextProvider } from "react-i18next";
import { isLang } from "~/lib/i18n/config";
import { negotiateLang } from "~/lib/i18n/negotiate";
import { createRenderI18n } from "~/lib/i18n/i18n.server";
import { logger } from "~/lib/log.server";
import { markUnavailable } from "~/lib/http/responses";
import { NonceProvider } from "~/components/nonce";
import { PAGE_CACHE_HEADER, pageCacheAllowed } from "~/lib/cache/page-cache.server";

const ABORT_DELAY = 5_000;
export const streamTimeout = ABORT_DELAY;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext
) {
  const segment = new URL(request.url).pathname.split("/")[1];
  const lang = isLang(segment) ? segment : negotiateLang(request.headers.get("Accept-Language"));
  const i18n = await createRenderI18n(lang);
  const nonce = loadContext.nonce ?? "";
  if (loadContext.pageCacheProbe && pageCacheAllowed(remixContext)) responseHeaders.set(PAGE_CACHE_HEADER, "1");
  let status = responseStatusCode;
  let shellRendered = false;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ABORT_DELAY + 1000);
  const body = await renderToReadableStream(
    <NonceProvider value={nonce}>
      <I18nextProvider i18n={i18n}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </I18nextProvider>
    </NonceProvider>,
    {
      nonce,
      signal: controller.signal,
      onError(error: unknown) {
        status = 500;
        if (shellRendered) logger("render").error({ reqId: loadContext.requestId, err: error }, "render error");
      },
    }
  );
  shellRendered = true;
  // Aborting a finished render would close the stream twice.
  const clear = () => clearTimeout(timer);
  body.allReady.then(clear, clear);
  if (isbot(request.headers.get("user-agent")) || remixContext.isSpaMode) await body.allReady;
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  markUnavailable(status, responseHeaders);
  return new Response(body, { headers: responseHeaders, status });
}

export const handleDataRequest: HandleDataRequestFunction = (response) => {
  markUnavailable(response.status, response.headers);
  return response;
};

export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (request.signal.aborted) return;
  logger("remix").error(
    { reqId: (context as AppLoadContext).requestId, err: error, url: request.url },
    "unhandled error"
  );
};
