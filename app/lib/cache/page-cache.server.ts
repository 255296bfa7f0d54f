import type { AppLoadContext, EntryContext } from "@remix-run/node";
import type { Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from "express";
import { createHash } from "node:crypto";
import { langCodes } from "../i18n/config";
import { fillTemplate, gzipFill, gzipTemplate, type GzipTemplate } from "./gzip-template.server";

/** Set by entry.server on a probe render whose route declared `handle.pageCache` (see pageCacheAllowed). */
export const PAGE_CACHE_HEADER = "x-page-cache-allowed";

// Stand-ins that a cached body carries where each response puts its own nonce and CSRF token.
const NONCE_MARK = "PgCaChEnOnCePgCaChEnOnCe";
const CSRF_MARK = "PgCaChEcSrFtOkEnPgCaChEcSrFtOkEnPgCaChEcSrF";

/** Cookies that change nothing on an anonymous page; a request with any other cookie is never served from the cache. */
const NEUTRAL_COOKIES = new Set(["csrf", "lang"]);
const PAGE_PATH = new RegExp(`^/(?:${langCodes.join("|")})(?:/[^.]*)?$`);
const DROPPED_HEADERS = new Set([
  "content-length",
  "content-encoding",
  "transfer-encoding",
  "date",
  "etag",
  PAGE_CACHE_HEADER,
]);

interface Entry {
  template: GzipTemplate;
  headers: [string, string][];
  status: number;
  etag: string;
  bytes: number;
}

export interface PageCacheOptions {
  /** Renders a page (the Remix handler) with this load context. */
  render(request: Request, context: AppLoadContext): Promise<Response>;
  /** The load context the app gives this request (nonce, CSRF seed, …). */
  context(req: ExpressRequest, res: ExpressResponse): AppLoadContext;
  /** The current content version (`content_version`). */
  version(): number;
  /** This browser's CSRF token for its seed. */
  csrfToken(seed: string): string;
  maxBytes?: number;
}

/** Only anonymous page GETs: a lang path without a dot, no Authorization, and only neutral cookies. */
export function cacheable(req: ExpressRequest): boolean {
  if ((req.method !== "GET" && req.method !== "HEAD") || !PAGE_PATH.test(req.path) || req.headers.authorization)
    return false;
  const cookie = req.headers.cookie;
  if (!cookie) return true;
  for (const part of cookie.split(";")) {
    const name = part.slice(0, part.indexOf("=")).trim();
    if (name && !NEUTRAL_COOKIES.has(name)) return false;
  }
  return true;
}

function toFetchRequest(req: ExpressRequest): Request {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
  return new Request(`${req.protocol}://${req.get("host")}${req.originalUrl}`, { method: "GET", headers });
}

/**
 * The full-page cache for anonymous GETs (issue 15). A miss renders the page once; if its route allowed caching and it
 * came back 200 without cookies of its own, the body is kept as a template with holes for the nonce and the CSRF token,
 * its fixed parts gzipped once. Every response, hit or miss, gets this request's nonce and this browser's token.
 * Keys are scheme, host, path and query (the language is the path's first segment), the Taipei day and the content
 * version; a new version empties the cache. An ETag (content hash + the browser's token) answers revalidations with 304.
 */
export function createPageCache(options: PageCacheOptions) {
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  const store = new Map<string, Entry | "uncacheable">();
  const pending = new Map<string, Promise<Entry | undefined>>();
  let bytes = 0;
  let storeVersion = options.version();

  function remember(key: string, value: Entry | "uncacheable") {
    store.set(key, value);
    if (value !== "uncacheable") bytes += value.bytes;
    for (const [k, v] of store) {
      if (bytes <= maxBytes && store.size <= 20_000) break;
      store.delete(k);
      if (v !== "uncacheable") bytes -= v.bytes;
    }
  }

  async function renderEntry(req: ExpressRequest, res: ExpressResponse, key: string): Promise<Entry | Response> {
    const context = { ...options.context(req, res), pageCacheProbe: true };
    const response = await options.render(toFetchRequest(req), context);
    const body = await response.text();
    const allowed = response.headers.get(PAGE_CACHE_HEADER) === "1";
    const ownCookies = response.headers.getSetCookie().length > 0;
    if (!allowed || ownCookies || response.status !== 200) {
      remember(key, "uncacheable");
      response.headers.delete(PAGE_CACHE_HEADER);
      return new Response(body, response);
    }
    const token = options.csrfToken(context.csrfSeed);
    const text = body.replaceAll(context.nonce, NONCE_MARK).replaceAll(token, CSRF_MARK);
    const template = gzipTemplate(text, { nonce: NONCE_MARK, csrf: CSRF_MARK });
    const headers = [...response.headers].filter(([k]) => !DROPPED_HEADERS.has(k));
    if (!response.headers.has("cache-control")) headers.push(["cache-control", "private, no-cache"]);
    const etag = createHash("sha256").update(text).digest("base64url").slice(0, 22);
    const size = text.length + template.deflated.reduce((n, b) => n + b.length, 0);
    const entry: Entry = { template, headers, status: response.status, etag, bytes: size };
    remember(key, entry);
    return entry;
  }

  function send(req: ExpressRequest, res: ExpressResponse, entry: Entry, state: "hit" | "miss") {
    const token = options.csrfToken(res.locals.csrfSeed as string);
    const etag = `W/"${entry.etag}.${token.slice(0, 12)}"`;
    res.setHeader("ETag", etag);
    res.setHeader("Vary", "Accept-Encoding");
    res.setHeader("X-Page-Cache", state);
    for (const [k, v] of entry.headers) res.setHeader(k, v);
    if (req.headers["if-none-match"] === etag) {
      // The browser keeps the body it has, with the nonce that body's own policy named: no new policy with a 304.
      res.removeHeader("Content-Security-Policy");
      res.status(304).end();
      return;
    }
    const values = { nonce: Buffer.from(res.locals.nonce as string), csrf: Buffer.from(token) };
    const gzip = /\bgzip\b/.test(req.headers["accept-encoding"] ?? "");
    const body = gzip ? gzipFill(entry.template, values) : fillTemplate(entry.template, values);
    if (gzip) res.setHeader("Content-Encoding", "gzip");
    res.setHeader("Content-Length", body.length);
    res.status(entry.status).end(req.method === "HEAD" ? undefined : body);
  }

  const middleware: RequestHandler = (req, res, next) => {
    if (!cacheable(req)) return next();
    const version = options.version();
    if (version !== storeVersion) {
      store.clear();
      bytes = 0;
      storeVersion = version;
    }
    const day = Math.floor((Date.now() + 8 * 3_600_000) / 86_400_000); // pages may show today's date in Taipei
    const key = `${version}|${day}|${req.protocol}://${req.get("host")}${req.originalUrl}`;
    const found = store.get(key);
    if (found === "uncacheable") return next();
    if (found) {
      store.delete(key); // most recently used last
      store.set(key, found);
      return send(req, res, found, "hit");
    }
    const waiting = pending.get(key);
    if (waiting) {
      waiting.then((entry) => (entry ? send(req, res, entry, "hit") : next()), next);
      return;
    }
    const rendering = renderEntry(req, res, key);
    const shared = rendering.then((r) => (r instanceof Response ? undefined : r));
    pending.set(key, shared);
    void shared.finally(() => pending.delete(key)).catch(() => undefined);
    rendering.then(async (r) => {
      if (!(r instanceof Response)) return send(req, res, r, "miss");
      res.status(r.status);
      for (const [k, v] of r.headers) if (k !== "set-cookie") res.setHeader(k, v);
      for (const c of r.headers.getSetCookie()) res.append("Set-Cookie", c);
      res.end(req.method === "HEAD" ? undefined : Buffer.from(await r.arrayBuffer()));
    }, next);
  };

  return { middleware, size: () => store.size };
}

/** True when the deepest matched route declared `handle = { pageCache: true }` (its page is the same for everyone). */
export function pageCacheAllowed(context: EntryContext): boolean {
  const matches = context.staticHandlerContext.matches;
  const leaf = matches[matches.length - 1];
  const handle = leaf
    ? (context.routeModules[leaf.route.id]?.handle as { pageCache?: boolean } | undefined)
    : undefined;
  return handle?.pageCache === true;
}
