import { describe, expect, it } from "vitest";
import { pooledRandomBytes } from "~/lib/security/random.server";
import { createNonce } from "~/lib/security/headers.server";

describe("pooledRandomBytes (nonces and CSRF seeds)", () => {
  it("hands out each byte once: 2,000 nonces across several 4 KB blocks are all different", () => {
    const nonces = Array.from({ length: 2_000 }, createNonce);
    expect(new Set(nonces).size).toBe(2_000);
    for (const n of nonces) expect(Buffer.from(n, "base64")).toHaveLength(16);
  });

  it("returns copies of the asked length, not views that a later call could change", () => {
    const a = pooledRandomBytes(24);
    const before = Buffer.from(a);
    for (let i = 0; i < 500; i++) pooledRandomBytes(24);
    expect(a).toEqual(before);
    expect(pooledRandomBytes(5000)).toHaveLength(5000);
  });

  it("is not all zeros (the used part of the block is wiped, not what is handed out)", () => {
    const sample = Buffer.concat(Array.from({ length: 100 }, () => pooledRandomBytes(16)));
    expect(sample.filter((b) => b !== 0).length).toBeGreaterThan(1_400);
  });
});
