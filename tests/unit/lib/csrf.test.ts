import { describe, expect, it } from "vitest";
import { csrfToken, ensureCsrfSeed, verifyCsrf } from "~/lib/security/csrf.server";

const secret = "s".repeat(40);

describe("csrf", () => {
  it("issues a seed cookie once and accepts only its own token", () => {
    const fresh = ensureCsrfSeed(undefined, true);
    expect(fresh.setCookie).toMatch(/HttpOnly; SameSite=Lax; Secure$/);
    const cookie = `csrf=${fresh.seed}`;
    expect(ensureCsrfSeed(cookie, true).setCookie).toBeUndefined();
    const token = csrfToken(secret, fresh.seed);
    expect(verifyCsrf(cookie, token, secret)).toBe(true);
    expect(verifyCsrf(cookie, token.slice(0, -1) + "x", secret)).toBe(false);
    expect(verifyCsrf(`csrf=${ensureCsrfSeed(undefined, true).seed}`, token, secret)).toBe(false);
    expect(verifyCsrf(null, token, secret)).toBe(false);
    expect(verifyCsrf(cookie, undefined, secret)).toBe(false);
  });
});
