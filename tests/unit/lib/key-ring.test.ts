import { describe, expect, it, vi } from "vitest";
import { csrfToken, ensureCsrfSeed, verifyCsrf } from "~/lib/security/csrf.server";
import { appSecret, appSecrets, sign, verifySignature } from "~/lib/security/secret.server";
import { ownerCookie, ownsDraft } from "~/modules/eligibility/owner.server";

const NEW = "new-secret-new-secret-new-secret-0001";
const OLD = "old-secret-old-secret-old-secret-0001";
const GONE = "gone-secret-gone-secret-gone-secret-01";
vi.stubEnv("NODE_ENV", "production");
vi.stubEnv("DEMO", "true");
vi.stubEnv("SESSION_SECRET", `${NEW}, ${OLD}`);

const draftRequest = (cookie: string) =>
  new Request("http://localhost/en/eligibility/x", { headers: { Cookie: cookie } });

describe("key ring (SESSION_SECRET=new,old)", () => {
  it("signs with the newest secret and accepts what any secret of the ring signed", () => {
    expect(appSecrets()).toEqual([NEW, OLD]);
    expect(appSecret()).toBe(NEW);
    expect(sign("m")).toBe(sign("m", NEW));
    expect(verifySignature("m", sign("m", NEW))).toBe(true);
    expect(verifySignature("m", sign("m", OLD))).toBe(true);
    expect(verifySignature("m", sign("m", GONE))).toBe(false);
    expect(verifySignature("other", sign("m", OLD))).toBe(false);
    expect(verifySignature("m", undefined)).toBe(false);
  });

  it("keeps CSRF tokens issued under the old secret valid, and only while it is in the ring", () => {
    const { seed } = ensureCsrfSeed(undefined, true);
    const cookie = `csrf=${seed}`;
    expect(verifyCsrf(cookie, csrfToken(OLD, seed), appSecrets())).toBe(true);
    expect(verifyCsrf(cookie, csrfToken(OLD, seed), [NEW])).toBe(false);
    expect(verifyCsrf(cookie, csrfToken(GONE, seed), appSecrets())).toBe(false);
  });

  it("keeps eligibility draft cookies signed under the old secret, and issues new ones under the new secret", () => {
    const id = "a".repeat(22);
    expect(ownsDraft(draftRequest(`eligibility_draft=${id}.${sign(`eligibility:${id}`, OLD)}`), id)).toBe(true);
    expect(ownsDraft(draftRequest(`eligibility_draft=${id}.${sign(`eligibility:${id}`, GONE)}`), id)).toBe(false);
    const issued = ownerCookie(id, true).split(";")[0] as string;
    expect(issued).toBe(`eligibility_draft=${id}.${sign(`eligibility:${id}`, NEW)}`);
    expect(ownsDraft(draftRequest(issued), id)).toBe(true);
  });
});
