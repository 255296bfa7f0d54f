import { describe, expect, it } from "vitest";
import { base32Decode, base32Encode, hotp, matchTotp, totpNow } from "~/modules/staff/totp.server";

// RFC 6238 appendix B test secret "12345678901234567890" (SHA-1), 8-digit vectors truncated to our 6 digits.
const secret = base32Encode(Buffer.from("12345678901234567890"));

describe("TOTP (RFC 6238)", () => {
  it("round-trips base32", () => {
    expect(base32Encode(Buffer.from("foobar"))).toBe("MZXW6YTBOI");
    expect(base32Decode("MZXW6YTBOI").toString()).toBe("foobar");
  });

  it.each([
    [59, "287082"],
    [1111111109, "081804"],
    [1234567890, "005924"],
    [2000000000, "279037"],
  ])("matches the RFC vector at %i s", (seconds, code) => {
    expect(totpNow(secret, seconds * 1000)).toBe(code);
    expect(hotp(secret, Math.floor(seconds / 30))).toBe(code);
  });

  it("accepts one step of drift, refuses replays and wrong codes", () => {
    const at = 1234567890_000;
    const step = Math.floor(at / 30000);
    expect(matchTotp(secret, totpNow(secret, at - 30000), null, at)).toBe(step - 1);
    expect(matchTotp(secret, totpNow(secret, at), step, at)).toBeNull();
    expect(matchTotp(secret, totpNow(secret, at - 90000), null, at)).toBeNull();
    expect(matchTotp(secret, "12345x", null, at)).toBeNull();
  });
});
