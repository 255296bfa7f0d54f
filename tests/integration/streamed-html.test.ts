/*
 * Issue 13: react-dom 18's Node renderer sent its whole 2 KB buffer when a multi-byte character did not fit at its
 * end, so NUL bytes (shown as "�") appeared in pages at chunk boundaries. Every page, every locale, from the real server.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { langCodes } from "~/lib/i18n/config";
import type { Started } from "../bench/support";
import { buildApp, demoEnv, removeBuild, startServer } from "../support/server";

const PATHWAYS = [
  "gold-card",
  "global-elite-card",
  "professional-work-permit",
  "mid-level-skilled",
  "graduate-points",
  "digital-nomad",
];
const PAGES = [
  "",
  "pathways",
  ...PATHWAYS.map((id) => `pathways/${id}`),
  "eligibility",
  "living",
  "living/banks",
  "living/rentals",
  "family",
  "family/schools",
  "contact",
  "account/sign-in",
  "account/sign-up",
  "account/forgot-password",
  "staff/sign-in",
  "no-such-page",
];
const REPLACEMENT = Buffer.from("\uFFFD", "utf8");

let server: Started;
let entry: string;
beforeAll(async () => {
  entry = buildApp();
  server = await startServer(entry, demoEnv());
}, 120_000);
afterAll(async () => {
  await server?.stop();
  removeBuild(entry);
});

describe("streamed HTML", () => {
  it.each(langCodes.map((lang) => [lang]))("carries no NUL byte and no U+FFFD on any %s page", async (lang) => {
    const bad: string[] = [];
    let bytes = 0;
    for (const page of PAGES) {
      const res = await fetch(`${server.url}/${lang}/${page}`);
      const body = Buffer.from(await res.arrayBuffer());
      bytes += body.length;
      if (![200, 404].includes(res.status)) bad.push(`${page}: ${res.status}`);
      if (body.includes(0)) bad.push(`${page}: NUL at byte ${body.indexOf(0)}`);
      if (body.includes(REPLACEMENT)) bad.push(`${page}: U+FFFD at byte ${body.indexOf(REPLACEMENT)}`);
    }
    expect(bad).toEqual([]);
    expect(bytes).toBeGreaterThan(PAGES.length * 10_000);
  });
});
