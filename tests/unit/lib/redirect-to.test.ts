import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "~/lib/http/redirect-to";
import { safeRedirect } from "~/modules/accounts/session.server";

const fallback = "/en/account/cases";

describe("redirectTo is a same-origin path", () => {
  it.each([
    "/\t/example.org/",
    "/\n/example.org",
    "/en/account\r\nSet-Cookie: x=1",
    "//example.org",
    "/\\example.org",
    "/\\/example.org",
    "\\\\example.org",
    "https://example.org/",
    "javascript:alert(1)",
    " /en",
    "/en /x",
    "/\u0000",
    "/\u0085x",
    "",
    `/${"a".repeat(600)}`,
  ])("refuses %j", (value) => {
    expect(safeRedirectPath(value, fallback)).toBe(fallback);
    expect(safeRedirect(value, "en")).toBe(fallback);
  });

  it("keeps paths on this site, with their query and fragment, normalised", () => {
    expect(safeRedirectPath("/en/account/cases?tab=open#x", fallback)).toBe("/en/account/cases?tab=open#x");
    expect(safeRedirectPath("/en/%09/example.org", fallback)).toBe("/en/%09/example.org");
    expect(safeRedirectPath("/en/staff/../account", fallback)).toBe("/en/account");
    expect(safeRedirectPath("/en/staff/inbox", "/en/staff/inbox", { under: "/en/staff/" })).toBe("/en/staff/inbox");
    expect(safeRedirectPath("/en/account", "/en/staff/inbox", { under: "/en/staff/" })).toBe("/en/staff/inbox");
    expect(safeRedirectPath("/en/staff/../account", "/en/staff/inbox", { under: "/en/staff/" })).toBe(
      "/en/staff/inbox"
    );
    expect(safeRedirectPath(null, fallback)).toBe(fallback);
  });

  it("is the only way routes read redirectTo", () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (/\.tsx?$/.test(name)) files.push(full);
      }
    };
    walk("app/routes");
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      if (!/redirectTo/.test(text) || !/export (async )?function action|export (async )?function loader/.test(text))
        continue;
      const readsIt = /get\("redirectTo"\)|value\.redirectTo|\{[^}]*redirectTo[^}]*\} = submission/.test(text);
      if (readsIt) expect(/safeRedirect(Path)?\(|target\(/.test(text), file).toBe(true);
    }
  });
});
