/* The production (and dev) HTTP server: config, database, migrations, seed, security headers, logs, shutdown. */
import cluster from "node:cluster";
import { randomUUID } from "node:crypto";
import type { Server } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import * as build from "@remix-run/dev/server-build";
import compression from "compression";
import express from "express";
import { sql } from "kysely";
import { migrateToLatest } from "~db/migrate";
import { seed } from "~db/seed";
import { RETRY_AFTER_SECONDS } from "~/lib/http/responses";
import { langCodes } from "~/lib/i18n/config";
import { parseEnv } from "~/lib/env.server";
import { dbHandle } from "~/lib/db.server";
import { logger } from "~/lib/log.server";
import { ensureCsrfSeed } from "~/lib/security/csrf.server";
import { createNonce, securityHeaders } from "~/lib/security/headers.server";
import { edgeGuard } from "~/lib/http/edge.server";
import { startOutboxWorker } from "~/modules/notifications/mail.server";
import { startRuleAlertWorker } from "~/modules/alerts/rule-alert-job.server";
import { linkFor } from "~/modules/notifications/outbox.server";
import { startReminderWorker } from "~/modules/reminders/delivery.server";
import { sealLegacyTotpSecrets } from "~/modules/staff/totp-secrets.server";
// Issue 15: page cache and one process per core (app/lib/cache, app/lib/cluster.server.ts).
import { pageCacheMiddleware } from "~/lib/cache/setup.server";
import { databasePrepared, isClusterPrimary, runCluster, workerCount } from "~/lib/cluster.server";

const parsed = parseEnv(process.env);
if (!parsed.ok) {
  console.error(parsed.message);
  process.exit(1);
}
const env = parsed.env;
const log = logger("server");
const dev = env.NODE_ENV === "development";
const secureCookies = env.publicOrigin.startsWith("https:");
/** What /healthz and the start-up line call this process: a demo, a real deployment, development or tests. */
const mode = env.demo ? "demo" : env.NODE_ENV;
const started = performance.now();

async function openDatabase() {
  try {
    await databasePrepared();
    const handle = await dbHandle();
    await sql`select 1`.execute(handle.db);
    if (cluster.isWorker) return handle; // the primary migrated and seeded
    const applied = await migrateToLatest(handle.db);
    if (applied.length) log.info({ applied }, "migrations applied");
    await seed(handle.db, { demo: env.demo });
    const sealed = await sealLegacyTotpSecrets(handle.db);
    if (sealed) log.info({ sealed }, "plain-text TOTP secrets encrypted");
    return handle;
  } catch (error) {
    const where = env.DATABASE_URL
      ? "the PostgreSQL server in DATABASE_URL"
      : `the embedded database in ${env.PGLITE_DIR}`;
    const reason =
      error instanceof Error ? error.message : error instanceof Response ? "it cannot be reached" : String(error);
    console.error(`Could not prepare ${where}: ${reason}`);
    process.exit(1);
  }
}

if (isClusterPrimary(env)) await runCluster(workerCount(env), async () => (await openDatabase()).close(), log);
const handle = await openDatabase();
const mailer = env.SMTP_URL
  ? startOutboxWorker(handle.db, {
      smtpUrl: env.SMTP_URL,
      from: env.MAIL_FROM,
      onError: (error) => log.error({ error }, "outbox"),
    })
  : undefined;
// Issue 17: re-evaluates stored results and open cases when a rule set takes effect (every process ticks; claims keep them apart).
const ruleAlerts = startRuleAlertWorker(handle.db, { onError: (error) => log.error({ error }, "rule alerts") });
// Expiry reminders (issue 17): queued into the outbox in every mode; each second under tests, else each minute.
const reminders = startReminderWorker(handle.db, {
  link: linkFor(),
  intervalMs: env.NODE_ENV === "test" ? 1_000 : 60_000,
  onError: (error) => log.error({ error }, "reminders"),
});
let stopping = false;
const app = express();
app.disable("x-powered-by");
app.set("trust proxy", "loopback");

app.use((req, res, next) => {
  if (stopping) res.set("Connection", "close");
  const id = (req.get("x-request-id") ?? "").match(/^[\w-]{8,64}$/)?.[0] ?? randomUUID();
  const nonce = createNonce();
  res.locals.requestId = id;
  res.locals.nonce = nonce;
  res.set("X-Request-Id", id);
  const https = req.secure; // behind a proxy this parses addresses for "trust proxy": once per request
  res.locals.secureCookies = https || secureCookies;
  res.set(securityHeaders(nonce, { https, dev }));
  const csrf = ensureCsrfSeed(req.get("cookie"), https || secureCookies);
  res.locals.csrfSeed = csrf.seed;
  if (csrf.setCookie && req.method === "GET") res.append("Set-Cookie", csrf.setCookie);
  const t0 = performance.now();
  res.on("finish", () => {
    log.info(
      {
        reqId: id,
        method: req.method,
        path: req.path,
        status: res.statusCode,
        ms: +(performance.now() - t0).toFixed(1),
      },
      "request"
    );
  });
  next();
});

app.use(edgeGuard());

// Cross-site form posts are refused before any route runs; forms also carry a CSRF token.
app.use((req, res, next) => {
  if (["GET", "HEAD", "OPTIONS"].includes(req.method)) return next();
  const site = req.get("sec-fetch-site");
  const origin = req.get("origin");
  const host = req.get("host");
  const crossSite =
    (site && site !== "same-origin" && site !== "none") ||
    (origin && origin !== "null" && host && new URL(origin).host !== host);
  if (crossSite) return res.status(403).type("text/plain").send("Cross-site request refused / 拒絕跨站請求");
  next();
});

app.get("/healthz", async (_req, res) => {
  try {
    await sql`select 1`.execute(handle.db);
    res
      .set("Cache-Control", "no-store")
      .json({ status: "ok", mode, database: handle.kind, uptimeSeconds: Math.round(process.uptime()) });
  } catch {
    res
      .status(503)
      .set({ "Cache-Control": "no-store", "Retry-After": String(RETRY_AFTER_SECONDS) })
      .json({ status: "unavailable", mode, database: handle.kind });
  }
});

// The language a reader last chose, for "/" to use next time.
app.use((req, res, next) => {
  const first = req.path.split("/")[1] ?? "";
  if (req.method === "GET" && (langCodes as readonly string[]).includes(first)) {
    const current = /(?:^|;\s*)lang=([^;]+)/.exec(req.get("cookie") ?? "")?.[1];
    const secure = res.locals.secureCookies ? "; Secure" : "";
    if (current !== first) res.append("Set-Cookie", `lang=${first}; Path=/; Max-Age=31536000; SameSite=Lax${secure}`);
  }
  next();
});

const loadContext = (req: express.Request, res: express.Response) => ({
  clientIp: req.ip ?? "unknown",
  nonce: res.locals.nonce as string,
  requestId: res.locals.requestId as string,
  csrfSeed: res.locals.csrfSeed as string,
});
app.use(
  await pageCacheMiddleware(
    handle,
    build as unknown as ServerBuild,
    loadContext,
    env.PAGE_CACHE === "on" || (env.PAGE_CACHE !== "off" && !dev)
  )
);
app.use(compression());
app.use(
  "/build",
  express.static(path.join(path.dirname(fileURLToPath(import.meta.url)), "client"), { immutable: true, maxAge: "1y" })
);
const publicFiles = express.static("public", { maxAge: "1h" });
app.use((req, res, next) => (req.path.includes(".") ? publicFiles(req, res, next) : next())); // pages: no stat per request

app.all(
  "*",
  createRequestHandler({
    build: build as unknown as ServerBuild,
    mode: build.mode,
    getLoadContext: loadContext,
  })
);

const server: Server = app.listen(env.PORT, env.HOST, () => {
  log.info({ port: env.PORT, database: handle.kind, startupMs: Math.round(performance.now() - started) }, "listening");
  const what = env.demo ? "DEMO: demo accounts, emails on /en/dev/mailbox; not for real data" : mode;
  console.log(
    `Talent Taiwan portal on http://${env.HOST}:${env.PORT} (public origin ${env.publicOrigin}), ${what}, NODE_ENV=${env.NODE_ENV}`
  );
  if (process.env.REMIX_DEV_ORIGIN) void broadcastDevReady(build as unknown as ServerBuild);
});

function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, "shutting down");
  mailer?.stop();
  ruleAlerts.stop();
  reminders.stop();
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  // Drain: no new connections; requests in flight finish; keep-alive connections close as soon as they fall idle.
  server.close(async () => {
    await handle.close().catch(() => undefined);
    log.info("stopped");
    process.exit(0);
  });
  server.closeIdleConnections();
  setInterval(() => server.closeIdleConnections(), 100).unref();
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
