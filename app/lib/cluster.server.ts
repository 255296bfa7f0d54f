import cluster from "node:cluster";
import { availableParallelism } from "node:os";
import type { Env } from "./env.server";
import type { logger } from "./log.server";

const PREPARED = "database-prepared";
const ASK = "database-wanted";

/** Server processes to run: one per core on PostgreSQL (WEB_CONCURRENCY overrides); PGlite allows only one. */
export function workerCount(env: Pick<Env, "DATABASE_URL" | "WEB_CONCURRENCY" | "NODE_ENV">): number {
  if (!env.DATABASE_URL || env.NODE_ENV === "development") return 1;
  return env.WEB_CONCURRENCY ?? availableParallelism();
}

/** True in the primary of a multi-process server, which prepares the database and supervises the workers. */
export const isClusterPrimary = (env: Parameters<typeof workerCount>[0]) => cluster.isPrimary && workerCount(env) > 1;

/** In a worker: resolves once the primary has migrated and seeded the database (at once in a single process). */
export function databasePrepared(): Promise<void> {
  if (!cluster.isWorker) return Promise.resolve();
  return new Promise((resolve) => {
    const onMessage = (message: unknown) => {
      if (message !== PREPARED) return;
      process.off("message", onMessage);
      resolve();
    };
    process.on("message", onMessage);
    process.send?.(ASK);
  });
}

/**
 * The primary: starts the workers first (they load the app while the database is prepared), runs `prepare`, then
 * lets them open the database. A worker that dies is replaced; SIGTERM/SIGINT stop the workers, then the primary.
 * Nothing is shared between workers but the database (sessions, rate limits, outbox, content version live there).
 */
export async function runCluster(
  count: number,
  prepare: () => Promise<void>,
  log: ReturnType<typeof logger>
): Promise<never> {
  let prepared = false;
  let stopping = false;
  const waiting = new Set<ReturnType<typeof cluster.fork>>();
  const fork = () => {
    const worker = cluster.fork();
    worker.on("message", (message) => {
      if (message !== ASK) return;
      if (prepared) worker.send(PREPARED);
      else waiting.add(worker);
    });
  };
  for (let i = 0; i < count; i++) fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    log.error({ pid: worker.process.pid, code, signal }, "worker exited; starting another");
    fork();
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    setTimeout(() => process.exit(1), 12_000).unref();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
  await prepare();
  prepared = true;
  for (const worker of waiting) if (worker.isConnected()) worker.send(PREPARED);
  log.info({ workers: count }, "database prepared; workers starting");
  return new Promise<never>(() => undefined);
}
