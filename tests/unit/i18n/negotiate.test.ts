import { describe, expect, it } from "vitest";
import { negotiateLang } from "~/lib/i18n/negotiate";

describe("negotiateLang", () => {
  it.each([
    [null, "en"],
    ["", "en"],
    ["zh-TW", "zh-TW"],
    ["zh", "zh-TW"],
    ["zh-Hant", "zh-TW"],
    ["zh-Hant-TW,zh;q=0.9", "zh-TW"],
    ["ZH-tw", "zh-TW"],
    ["en-US,en;q=0.9", "en"],
    ["fr-FR,fr;q=0.9", "en"],
    ["fr-FR,zh-TW;q=0.8,en;q=0.5", "zh-TW"],
    ["en;q=0.4,zh-TW;q=0.9", "zh-TW"],
    ["zh-TW;q=0,en", "en"],
    ["*", "en"],
    ["garbage;;;,,q=", "en"],
    ["de;q=abc, zh-TW;q=0.3", "zh-TW"],
  ])("%s → %s", (header, expected) => {
    expect(negotiateLang(header)).toBe(expected);
  });
});
