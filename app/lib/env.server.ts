import { z } from "zod";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .url()
    .refine((u) => /^postgres(ql)?:\/\//.test(u), "must be a postgres:// URL")
    .optional(),
  PGLITE_DIR: z.string().min(1).default("./data/pglite"),
  SESSION_SECRET: z.string().min(32).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Seed demo data on start; defaults to on outside production. */
  SEED_DEMO: z.enum(["true", "false"]).optional(),
  PUBLIC_SITE_URL: z.string().url().optional(),
  /** SMTP server for outgoing email (smtp:// or smtps://); without it emails stay in the outbox (dev mailbox). */
  SMTP_URL: z
    .string()
    .url()
    .refine((u) => /^smtps?:\/\//.test(u), "must be an smtp:// or smtps:// URL")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Talent Taiwan <no-reply@talent-taiwan.invalid>"),
  /** Server processes on PostgreSQL (default: one per core); the embedded database always runs one. */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  /** The full-page cache for anonymous pages; on by default except in development. */
  PAGE_CACHE: z.enum(["on", "off"]).optional(),
});

export type Env = z.infer<typeof EnvSchema>;

/** Parses the environment; on failure names only the bad variables. Empty strings count as unset. */
export function parseEnv(source: Record<string, string | undefined>): { ok: true; env: Env } | { ok: false; message: string } {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    const names = [...new Set(result.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`))];
    return { ok: false, message: `Invalid configuration:\n  ${names.join("\n  ")}` };
  }
  if (result.data.NODE_ENV === "production" && !result.data.SESSION_SECRET) {
    return { ok: false, message: "Invalid configuration:\n  SESSION_SECRET: required in production (32+ characters)" };
  }
  return { ok: true, env: result.data };
}

let cached: Env | undefined;

/** The validated configuration, read once. */
export function getEnv(): Env {
  if (!cached) {
    const parsed = parseEnv(process.env);
    if (!parsed.ok) throw new Error(parsed.message);
    cached = parsed.env;
  }
  return cached;
}
