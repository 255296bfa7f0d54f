/*
 * The load generator, run as its own process (never the server's, never sharing its event loop): autocannon against
 * one URL; prints the result as JSON. `unique` names a form field given a fresh random value on every request
 * (idempotency tokens), so each POST really inserts.
 */
import { randomBytes } from "node:crypto";
import autocannon from "autocannon";

export interface LoadSpec {
  url: string;
  connections: number;
  duration: number;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  unique?: string;
}

const spec = JSON.parse(process.argv[2] ?? "{}") as LoadSpec;
const fresh = (body: string) =>
  body.replace(new RegExp(`(^|&)${spec.unique}=[^&]*`), `$1${spec.unique}=${randomBytes(12).toString("hex")}`);
const result = await autocannon({
  url: spec.url,
  connections: spec.connections,
  duration: spec.duration,
  method: spec.method ?? "GET",
  ...(spec.headers ? { headers: spec.headers } : {}),
  ...(spec.body && !spec.unique ? { body: spec.body } : {}),
  ...(spec.unique && spec.body
    ? { requests: [{ setupRequest: (req: object) => ({ ...req, body: fresh(spec.body!) }) }] }
    : {}),
});
const statuses = result as unknown as Record<string, number>;
process.stdout.write(
  JSON.stringify({
    requestsPerSec: result.requests.average,
    total: result.requests.total,
    p50: result.latency.p50,
    p97_5: result.latency.p97_5,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    redirects: statuses["3xx"] ?? 0,
  })
);
