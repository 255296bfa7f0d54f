import { randomBytes } from "node:crypto";
import { getEnv } from "../env.server";

let devSecret: string | undefined;

/** The secret for signing tokens: SESSION_SECRET (required in production) or a per-process random one. */
export function appSecret(): string {
  const env = getEnv();
  if (env.SESSION_SECRET) return env.SESSION_SECRET;
  devSecret ??= randomBytes(32).toString("hex");
  return devSecret;
}
