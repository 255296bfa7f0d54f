/*
 * Input hygiene at the edge: one Express middleware, mounted before Remix, that every request passes.
 * - Bodies are bounded by the bytes actually read, chunked or not: the body is held back from the app while it
 *   arrives and the request is answered 413 as soon as it passes its route's limit, so nothing larger is buffered.
 * - Control characters (C0, DEL, C1) are refused in the path, in query values and in form and JSON values with a
 *   400; tab, CR and LF are accepted in body values only (text areas send them; single-line fields are checked by
 *   their schemas, and redirect targets by `safeRedirectPath`).
 * - An unsafe request with `Origin: null` or an Origin that is not a well-formed http(s) origin is refused with 403.
 * Pages get a localized minimal HTML answer; `/api/` gets JSON.
 */
import type { NextFunction, Request, RequestHandler, Response } from "express";
import { MAX_BODY_BYTES } from "../forms/read-form.server";
import { defaultLang, isLang, type Lang } from "../i18n/config";
import { getFixedT } from "../i18n/i18n.server";
import { logger } from "../log.server";
import { hasControlChars } from "./control-chars";

/** Body limits in bytes: the JSON API, forms that carry a file, and every other form. */
export const BODY_LIMITS = { api: 64 * 1024, upload: MAX_BODY_BYTES, form: 512 * 1024 } as const;

/** Routes whose forms carry a file (multipart): documents, replies with attachments, directory CSV imports. */
const UPLOAD_ROUTES = [
  /^\/[^/]+\/account\/(applications|cases)\/[^/]+\/?$/,
  /^\/[^/]+\/staff\/cases\/[^/]+\/?$/,
  /^\/[^/]+\/staff\/directories\/[^/]+\/import\/?$/,
];

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

type Refusal = "too-large" | "control-chars" | "bad-origin" | "bad-request";
const STATUS: Record<Refusal, number> = {
  "too-large": 413,
  "control-chars": 400,
  "bad-origin": 403,
  "bad-request": 400,
};
const API_ERROR: Record<Refusal, string> = {
  "too-large": "payload-too-large",
  "control-chars": "invalid-characters",
  "bad-origin": "cross-site-request",
  "bad-request": "bad-request",
};
const WORDS: Record<Refusal, string> = {
  "too-large": "tooLarge",
  "control-chars": "controlChars",
  "bad-origin": "csrf",
  "bad-request": "badRequest",
};

/** The byte limit for a request's body. */
export function bodyLimit(path: string, contentType: string): number {
  if (path.startsWith("/api/")) return BODY_LIMITS.api;
  if (/^multipart\/form-data/i.test(contentType) && UPLOAD_ROUTES.some((r) => r.test(path))) return BODY_LIMITS.upload;
  return BODY_LIMITS.form;
}

function badOrigin(origin: string | undefined): boolean {
  if (origin === undefined) return false;
  try {
    const url = new URL(origin);
    return (url.protocol !== "http:" && url.protocol !== "https:") || url.origin !== origin;
  } catch {
    return true;
  }
}

/** True when the path or a query name or value holds a control character (or the path is not valid %-encoding). */
export function badUrl(originalUrl: string): boolean {
  const q = originalUrl.indexOf("?");
  const path = q === -1 ? originalUrl : originalUrl.slice(0, q);
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return true;
  }
  if (hasControlChars(decoded)) return true;
  if (q === -1) return false;
  for (const [name, value] of new URLSearchParams(originalUrl.slice(q + 1))) {
    if (hasControlChars(name) || hasControlChars(value)) return true;
  }
  return false;
}

function badJson(value: unknown): boolean {
  if (typeof value === "string") return hasControlChars(value, { multiline: true });
  if (Array.isArray(value)) return value.some(badJson);
  if (value && typeof value === "object")
    return Object.entries(value).some(([k, v]) => hasControlChars(k) || badJson(v));
  return false;
}

/** True when a form or JSON body holds a control character; bodies that do not parse are left to the route. */
export async function badBody(body: Buffer, contentType: string): Promise<boolean> {
  if (/^application\/x-www-form-urlencoded/i.test(contentType)) {
    for (const [name, value] of new URLSearchParams(body.toString("utf8"))) {
      if (hasControlChars(name) || hasControlChars(value, { multiline: true })) return true;
    }
    return false;
  }
  if (/^multipart\/form-data/i.test(contentType)) {
    let form: FormData;
    try {
      form = await new globalThis.Response(new Blob([new Uint8Array(body)]), {
        headers: { "Content-Type": contentType },
      }).formData();
    } catch {
      return false;
    }
    for (const [name, value] of form) {
      if (hasControlChars(name)) return true;
      if (typeof value === "string" ? hasControlChars(value, { multiline: true }) : hasControlChars(value.name))
        return true;
    }
    return false;
  }
  if (/^application\/json/i.test(contentType)) {
    try {
      return badJson(JSON.parse(body.toString("utf8")));
    } catch {
      return false;
    }
  }
  return false;
}

/** How long the rest of a refused body may still be read (and thrown away) before the connection is cut. */
const DISCARD_MS = 5_000;

/**
 * Closing at once would reset the connection before a client still sending could read the answer (the bytes it
 * sends meet a closed socket). So the rest of the body is read and thrown away (Node does this for a body nobody
 * read), a "Connection: close" only half-closes, and a body still arriving after a few seconds has its connection cut.
 */
function lingerThenCut(req: Request): void {
  const socket = req.socket;
  const cut = () => setTimeout(() => socket.destroy(), DISCARD_MS).unref();
  socket.destroySoon = () => {
    socket.end();
    cut();
  };
  req.res?.on("finish", () => req.complete || cut());
}

async function refuse(req: Request, res: Response, why: Refusal, cut = false): Promise<void> {
  if (res.headersSent) return;
  res.status(STATUS[why]).set("Cache-Control", "no-store");
  if (cut) lingerThenCut(req);
  if (req.path.startsWith("/api/")) {
    res.json({
      error: API_ERROR[why],
      ...(why === "too-large" ? { limitBytes: bodyLimit(req.path, req.get("content-type") ?? "") } : {}),
    });
    return;
  }
  const first = req.path.split("/")[1];
  const lang: Lang = isLang(first) ? first : defaultLang;
  const t = await getFixedT(lang, "errors");
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const title = esc(t(`${WORDS[why]}.title`));
  res
    .type("html")
    .send(
      `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
        `<meta name="robots" content="noindex"><title>${title}</title></head><body><main><h1>${title}</h1>` +
        `<p>${esc(t(`${WORDS[why]}.body`))}</p><p><a href="/${lang}">${esc(t("backHome"))}</a></p></main></body></html>`
    );
}

/**
 * Holds the body back from the app while it arrives (the HTTP parser pushes each chunk into the request stream),
 * counting bytes; calls `done` with the whole body, or `over` as soon as it passes `limit`.
 */
function holdBody(req: Request, limit: number, over: () => void, done: (body: Buffer, release: () => void) => void) {
  const push = req.push.bind(req);
  const chunks: Buffer[] = [];
  let size = req.readableLength;
  let state: "reading" | "over" | "released" = "reading";
  const release = () => {
    state = "released";
    req.push = push;
    if (chunks.length) push(Buffer.concat(chunks));
    push(null);
  };
  req.push = (chunk: unknown, encoding?: BufferEncoding) => {
    if (state === "released") return push(chunk, encoding);
    if (state === "over") return true;
    if (chunk === null) {
      done(Buffer.concat(chunks), release);
      return false;
    }
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, encoding);
    size += buf.byteLength;
    if (size > limit) {
      state = "over";
      chunks.length = 0;
      over();
      return true;
    }
    chunks.push(buf);
    return true;
  };
}

/** The edge middleware (see the top of this file). */
export function edgeGuard(): RequestHandler {
  const log = logger("edge");
  return (req: Request, res: Response, next: NextFunction) => {
    const fail = (why: Refusal, close = false) => {
      log.info({ path: req.path, method: req.method, why }, "request refused at the edge");
      refuse(req, res, why, close).catch(next);
    };
    if (badUrl(req.originalUrl)) return fail("control-chars");
    if (SAFE_METHODS.has(req.method)) return next();
    if (badOrigin(req.get("origin"))) return fail("bad-origin");
    const type = req.get("content-type") ?? "";
    const limit = bodyLimit(req.path, type);
    const declared = req.get("content-length");
    if (declared !== undefined && !/^\d+$/.test(declared)) return fail("bad-request", true);
    if (Number(declared ?? 0) > limit) return fail("too-large", true);
    // The whole body already reached the stream (not expected: every middleware before this one is synchronous).
    if (req.complete) return req.readableLength > limit ? fail("too-large", true) : next();
    holdBody(
      req,
      limit,
      () => fail("too-large", true),
      (body, release) => {
        badBody(body, type).then(
          (bad) => {
            if (bad) return fail("control-chars");
            release();
            next();
          },
          (error: unknown) => next(error)
        );
      }
    );
  };
}
