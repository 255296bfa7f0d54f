import { describe, expect, it } from "vitest";
import { parseEnv } from "~/lib/env.server";

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

  it("requires SESSION_SECRET in production", () => {
    const result = parseEnv({ NODE_ENV: "production" });
    expect(result.ok).toBe(false);
    expect(parseEnv({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(32) }).ok).toBe(true);
  });

  it("treats empty strings as unset", () => {
    const result = parseEnv({ DATABASE_URL: "", PORT: "" });
    expect(result.ok && result.env.PORT).toBe(3000);
  });
});
