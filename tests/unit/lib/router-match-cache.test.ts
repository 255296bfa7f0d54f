/*
 * The server's copy of @remix-run/router is patched (.patches/, applied by `npm ci`) to keep each routes array's ranked
 * branches and each compiled path instead of rebuilding them for every match (issue 15). These tests load that copy
 * (the CommonJS build the server runs) and check that repeated matches on one array still rank and extract params
 * exactly as the router does, whatever was matched before.
 */
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type * as Router from "@remix-run/router";

const require = createRequire(import.meta.url);
const routerPath = require.resolve("@remix-run/router");
const { matchRoutes, matchPath } = require(routerPath) as typeof Router;

const routes = [
  {
    id: "root",
    path: "/",
    children: [
      { id: "lang", path: ":lang" },
      { id: "guide", path: ":lang/guides/:slug" },
      { id: "new-case", path: ":lang/cases/new" },
      { id: "case", path: ":lang/cases/:id" },
      { id: "splat", path: "*" },
    ],
  },
];
const leaf = (path: string) => {
  const m = matchRoutes(routes, path);
  return m && { id: m.at(-1)!.route.id, params: m.at(-1)!.params };
};

describe("the patched route matcher", () => {
  it("is the patched build (the patch was applied at install)", () => {
    expect(readFileSync(routerPath, "utf8")).toContain("rankedBranches");
  });

  it("gives the same answers for one routes array matched many times, in any order", () => {
    const paths = [
      "/en/cases/new",
      "/en/cases/42",
      "/zh-TW/guides/gold-card",
      "/en",
      "/nowhere/at/all",
      "/en/cases/new",
    ];
    const first = paths.map(leaf);
    expect(first.map((m) => m?.id)).toEqual(["new-case", "case", "guide", "lang", "splat", "new-case"]);
    expect(first[1]!.params).toMatchObject({ lang: "en", id: "42" });
    for (const order of [paths, [...paths].reverse()]) {
      for (const p of order) expect(leaf(p)).toEqual(first[paths.indexOf(p)]);
    }
  });

  it("keeps compiled paths apart by case sensitivity and end", () => {
    expect(matchPath({ path: "/en/Cases", caseSensitive: true, end: true }, "/en/cases")).toBeNull();
    expect(matchPath({ path: "/en/Cases", caseSensitive: false, end: true }, "/en/cases")).not.toBeNull();
    expect(matchPath({ path: "/en", end: false }, "/en/cases")?.pathnameBase).toBe("/en");
    expect(matchPath({ path: "/en", end: true }, "/en/cases")).toBeNull();
  });

  it("matches a new routes array by its own routes, not a cached one", () => {
    const other = [{ id: "only", path: "/en/cases/:ref" }];
    expect(matchRoutes(other, "/en/cases/new")?.at(-1)?.route.id).toBe("only");
    expect(leaf("/en/cases/new")?.id).toBe("new-case");
  });
});
