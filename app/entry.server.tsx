import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { isLang } from "~/lib/i18n/config";
import { negotiateLang } from "~/lib/i18n/negotiate";
import { createRenderI18n } from "~/lib/i18n/i18n.server";
import { logger } from "~/lib/log.server";
import { NonceProvider } from "~/components/nonce";
import { PAGE_CACHE_HEADER, pageCacheAllowed } from "~/lib/cache/page-cache.server";

const ABORT_DELAY = 5_000;
export const streamTimeout = ABORT_DELAY;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const segment = new URL(request.url).pathname.split("/")[1];
  const lang = isLang(segment) ? segment : negotiateLang(request.headers.get("Accept-Language"));
  const i18n = await createRenderI18n(lang);
  const nonce = loadContext.nonce ?? "";
  if (loadContext.pageCacheProbe && pageCacheAllowed(remixContext)) responseHeaders.set(PAGE_CACHE_HEADER, "1");
  const readyEvent = isbot(request.headers.get("user-agent")) || remixContext.isSpaMode ? "onAllReady" : "onShellReady";

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <I18nextProvider i18n={i18n}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </I18nextProvider>
      </NonceProvider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) logger("render").error({ reqId: loadContext.requestId, err: error }, "render error");
        },
      },
    );
    setTimeout(abort, ABORT_DELAY + 1000);
  });
}

export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (request.signal.aborted) return;
  logger("remix").error({ reqId: (context as AppLoadContext).requestId, err: error, url: request.url }, "unhandled error");
};
