import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { deriveKey, appSecret } from "~/lib/security/secret.server";

const dir = mkdtempSync(path.join(tmpdir(), "secret-test-"));
vi.stubEnv("SESSION_SECRET", "");
vi.stubEnv("NODE_ENV", "development");
vi.stubEnv("PGLITE_DIR", path.join(dir, "pglite"));

describe("persistent secret (no SESSION_SECRET, outside production)", () => {
  it("is generated once into <data dir>/server-secret, readable by the owner only, and reused", () => {
    const secret = appSecret();
    const file = path.join(dir, "server-secret");
    expect(readFileSync(file, "utf8")).toBe(secret);
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(appSecret()).toBe(secret);
    expect(deriveKey("label").equals(deriveKey("label", secret))).toBe(true);
  });
});
