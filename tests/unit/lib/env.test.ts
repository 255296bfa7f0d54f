import { describe, expect, it } from "vitest";
import { parseEnv } from "~/lib/env.server";

const REAL = {
  NODE_ENV: "production",
  SESSION_SECRET: "x".repeat(32),
  PUBLIC_ORIGIN: "https://talent.example.tw",
  DATABASE_URL: "postgres://portal@db.internal:5432/portal",
  SMTP_URL: "smtps://mail.example.tw:465",
};

describe("parseEnv", () => {
  it("defaults PORT to 3000 and uses PGlite without DATABASE_URL", () => {
    const result = parseEnv({});
    expect(result.ok && result.env.PORT).toBe(3000);
    expect(result.ok && result.env.DATABASE_URL).toBeUndefined();
  });

  it("names the bad variable and not its value", () => {
    const result = parseEnv({ PORT: "eighty", DATABASE_URL: "mysql://secret@host/db" });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain("PORT");
      expect(result.message).toContain("DATABASE_URL");
      expect(result.message).not.toContain("secret");
    }
  });

  it("a real deployment names every missing secret and address; the demo needs none", () => {
    const result = parseEnv({ NODE_ENV: "production" });
    expect(result.ok).toBe(false);
    for (const name of ["SESSION_SECRET", "PUBLIC_ORIGIN", "DATABASE_URL", "SMTP_URL"])
      expect(!result.ok && result.message).toContain(name);
    const partial = parseEnv({
      NODE_ENV: "production",
      SESSION_SECRET: "x".repeat(32),
      DATABASE_URL: "postgres://db/portal",
    });
    expect(!partial.ok && partial.message).toMatch(/PUBLIC_ORIGIN[\s\S]*SMTP_URL/);
    expect(!partial.ok && partial.message).not.toMatch(/SESSION_SECRET|DATABASE_URL/);
    const real = parseEnv({ ...REAL });
    expect(real.ok && { demo: real.env.demo, origin: real.env.publicOrigin, host: real.env.HOST }).toEqual({
      demo: false,
      origin: "https://talent.example.tw",
      host: "127.0.0.1",
    });
    const demo = parseEnv({ NODE_ENV: "production", DEMO: "true", PORT: "3100" });
    expect(demo.ok && { demo: demo.env.demo, origin: demo.env.publicOrigin }).toEqual({
      demo: true,
      origin: "http://localhost:3100",
    });
  });

  it("turns the demo on outside production unless DEMO=false, and off in production unless DEMO=true", () => {
    const demoOf = (source: Record<string, string>) => {
      const parsed = parseEnv(source);
      return parsed.ok && parsed.env.demo;
    };
    expect([demoOf({}), demoOf({ NODE_ENV: "test" }), demoOf({ DEMO: "false" }), demoOf(REAL)]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it("takes PUBLIC_ORIGIN as an origin only and SESSION_SECRET as a ring of 32+ character secrets, newest first", () => {
    expect(parseEnv({ ...REAL, PUBLIC_ORIGIN: "https://talent.example.tw/en/" }).ok).toBe(false);
    expect(parseEnv({ ...REAL, PUBLIC_ORIGIN: "https://talent.example.tw/" }).ok).toBe(true);
    const ring = parseEnv({ ...REAL, SESSION_SECRET: `${"n".repeat(32)}, ${"o".repeat(32)}` });
    expect(ring.ok && ring.env.SESSION_SECRET).toEqual(["n".repeat(32), "o".repeat(32)]);
    const short = parseEnv({ ...REAL, SESSION_SECRET: `${"n".repeat(32)},short` });
    expect(!short.ok && short.message).toContain("SESSION_SECRET");
    expect(!short.ok && short.message).not.toContain("nnnn");
  });

  it("treats empty strings as unset", () => {
    const result = parseEnv({ DATABASE_URL: "", PORT: "" });
    expect(result.ok && result.env.PORT).toBe(3000);
  });
});
