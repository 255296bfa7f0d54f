import { z } from "zod";

const secret = z.string().min(32, "each secret needs 32+ characters");

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** The demo: demo accounts, the development mailbox and a banner on every page. Default: on outside production. */
  DEMO: z.enum(["true", "false"]).optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: z
    .string()
    .url()
    .refine((u) => /^postgres(ql)?:\/\//.test(u), "must be a postgres:// URL")
    .optional(),
  PGLITE_DIR: z.string().min(1).default("./data/pglite"),
  /** The key ring: one secret, or several separated by commas, newest first (older ones only open what they sealed). */
  SESSION_SECRET: z
    .string()
    .transform((v) => v.split(",").map((s) => s.trim()))
    .pipe(z.array(secret).min(1))
    .optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** The address people reach the portal at (scheme, host, port): every link in emails is built from it. */
  PUBLIC_ORIGIN: z
    .string()
    .url()
    .refine((u) => new URL(u).origin === u.replace(/\/$/, ""), "must be an origin such as https://talent.example.tw")
    .transform((u) => new URL(u).origin)
    .optional(),
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

export type Env = z.infer<typeof EnvSchema> & {
  /** Demo mode: demo accounts, the mailbox and the demo banner. */
  demo: boolean;
  /** PUBLIC_ORIGIN, or in a demo or development http://localhost:PORT. */
  publicOrigin: string;
};

/** What a real deployment (production, not the demo) cannot run without. */
const REQUIRED_IN_PRODUCTION = {
  SESSION_SECRET: "the server secret (32+ characters; several separated by commas while rotating, newest first)",
  PUBLIC_ORIGIN: "the public address, e.g. https://talent.example.tw (links in emails are built from it)",
  DATABASE_URL: "the PostgreSQL server, e.g. postgres://portal@db.internal:5432/portal",
  SMTP_URL: "the mail server, e.g. smtps://user:pass@smtp.example.tw:465 (there is no mailbox page in production)",
} as const;

/** Parses the environment; on failure names only the bad or missing variables. Empty strings count as unset. */
export function parseEnv(
  source: Record<string, string | undefined>
): { ok: true; env: Env } | { ok: false; message: string } {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    const names = [...new Set(result.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`))];
    return { ok: false, message: `Invalid configuration:\n  ${names.join("\n  ")}` };
  }
  const data = result.data;
  const demo = data.DEMO === "true" || (data.NODE_ENV !== "production" && data.DEMO !== "false");
  if (data.NODE_ENV === "production" && !demo) {
    const missing = Object.entries(REQUIRED_IN_PRODUCTION).filter(
      ([name]) => !data[name as keyof typeof REQUIRED_IN_PRODUCTION]
    );
    if (missing.length) {
      const lines = missing.map(([name, what]) => `${name}: required in production: ${what}`);
      const hint = "Or run the demo with DEMO=true (never for real people's data).";
      return { ok: false, message: `Invalid configuration:\n  ${lines.join("\n  ")}\n${hint}` };
    }
  }
  return { ok: true, env: { ...data, demo, publicOrigin: data.PUBLIC_ORIGIN ?? `http://localhost:${data.PORT}` } };
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
