/* The real built server for integration tests: build once per test file, start it on a free port, a scratch schema. */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { startProcess, type Started } from "../bench/support";

const root = path.resolve(import.meta.dirname, "../..");

/** Builds the app into its own folder under build/ (parallel test files do not share one) and returns its entry. */
export function buildApp(): string {
  const dir = `build/vitest-${process.pid}`;
  execFileSync("npx", ["remix", "build"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", BUILD_DIR: dir },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return path.join(root, dir, "index.js");
}

/** Removes what buildApp built. */
export function removeBuild(entry: string): void {
  rmSync(path.dirname(entry), { recursive: true, force: true });
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** A fresh embedded-database folder. */
export const scratchPgliteDir = () => path.join(mkdtempSync(path.join(tmpdir(), "portal-server-")), "pglite");

/** A fresh schema on the TEST_DATABASE_URL server, its URL (search_path and application_name set) and a drop(). */
export async function scratchPostgres(url: string) {
  const schema = `srv_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const sep = url.includes("?") ? "&" : "?";
  const options = encodeURIComponent(`-c search_path=${schema}`);
  return {
    schema,
    admin,
    url: `${url}${sep}options=${options}&application_name=${schema}`,
    drop: async () => {
      await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1`, [schema]);
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    },
  };
}

/** Starts the built server with `env` (LOG_LEVEL=warn) and waits for /healthz. */
export async function startServer(entry: string, env: Record<string, string>): Promise<Started> {
  const port = await freePort();
  return startProcess([entry], { port, env: { HOST: "127.0.0.1", ...env } });
}

/** The demo as `npm start` runs it (production React, demo accounts, mailbox), on its own embedded database. */
export const demoEnv = () => ({ NODE_ENV: "production", DEMO: "true", PGLITE_DIR: scratchPgliteDir() });

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTP request with exactly these headers (fetch would not send a forged Host). Rejects when refused. */
export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {}
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? "GET", headers: options.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") })
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

/** A browser-like form session: the CSRF cookie and token from a GET of `formPath`, then url-encoded POSTs. */
export async function formSession(base: string, formPath: string) {
  const page = await rawRequest(base + formPath);
  const setCookies = ([] as string[]).concat(page.headers["set-cookie"] ?? []);
  const cookie = setCookies.map((c) => c.split(";")[0]).join("; ");
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  if (!token) throw new Error(`no CSRF token on ${formPath} (${page.status})`);
  return {
    post: (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
      rawRequest(base + path, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie, ...headers },
        body: new URLSearchParams({ _csrf: token, ...fields }).toString(),
      }),
  };
}
