import { afterEach, describe, expect, it, vi } from "vitest";

const TOKEN = "a-test-token-of-32-characters-xx";

async function guard(env: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v ?? "");
  return (await import("~/modules/directories/staff-guard.server")).requireStaff;
}

const request = (token?: string) => new Request("http://localhost/en/staff/directories/banks", { headers: token ? { "x-staff-test-token": token } : {} });

async function status(fn: () => unknown): Promise<number | "allowed"> {
  try {
    fn();
    return "allowed";
  } catch (error) {
    return (error as Response).status;
  }
}

describe("requireStaff", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("lets the test token in only when NODE_ENV is test", async () => {
    const inTest = await guard({ NODE_ENV: "test", STAFF_TEST_TOKEN: TOKEN });
    expect(await status(() => inTest(request(TOKEN)))).toBe("allowed");
    expect(await status(() => inTest(request("wrong-token-of-32-characters-xxx")))).toBe(404);
    expect(await status(() => inTest(request()))).toBe(404);
    const inDev = await guard({ NODE_ENV: "development", STAFF_TEST_TOKEN: TOKEN });
    expect(await status(() => inDev(request(TOKEN)))).toBe(404);
    const noToken = await guard({ NODE_ENV: "test", STAFF_TEST_TOKEN: undefined });
    expect(await status(() => noToken(request(TOKEN)))).toBe(404);
  });
});
