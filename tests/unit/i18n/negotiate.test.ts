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
    ["ja", "ja"],
    ["ja-JP,ja;q=0.9,en;q=0.8", "ja"],
    ["ko-KR,ko;q=0.9", "ko"],
    ["vi-VN", "vi"],
    ["id-ID,id;q=0.9", "id"],
    ["in", "id"],
    ["in-ID", "id"],
    ["th-TH", "th"],
    ["TH-th", "th"],
    ["th-TH-u-ca-buddhist", "th"],
    ["fr-FR,ko;q=0.7,ja;q=0.8", "ja"],
    ["en;q=0.5,vi-VN;q=0.9", "vi"],
    ["ms-MY,id;q=0.5", "id"],
    ["ind", "en"],
    ["jav", "en"],
  ])("%s → %s", (header, expected) => {
    expect(negotiateLang(header)).toBe(expected);
  });
});
