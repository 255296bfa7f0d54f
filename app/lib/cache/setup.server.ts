import { createRequestHandler, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import type { Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from "express";
import type { DbHandle } from "~db/client";
import { csrfToken } from "../security/csrf.server";
import { appSecret } from "../security/secret.server";
import { watchContentVersion } from "./content-version.server";
import { createPageCache } from "./page-cache.server";

type ContextFor = (req: ExpressRequest, res: ExpressResponse) => AppLoadContext;

/** The page cache as express middleware, following the database's content version; a pass-through when off. */
export async function pageCacheMiddleware(
  handle: DbHandle,
  build: ServerBuild,
  context: ContextFor,
  on: boolean
): Promise<RequestHandler> {
  if (!on) return (_req, _res, next) => next();
  const version = await watchContentVersion(handle);
  const render = createRequestHandler(build, build.mode);
  const secret = appSecret();
  const cache = createPageCache({
    render: (request, loadContext) => render(request, loadContext),
    context,
    version: version.current,
    csrfToken: (seed) => csrfToken(secret, seed),
  });
  return cache.middleware;
}
