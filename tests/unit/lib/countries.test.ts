import { describe, expect, it } from "vitest";
import { countryCodes, countryName, countryOptions, isCountryCode } from "~/lib/i18n/countries";
import { ApplicationFields } from "~/modules/cases/cases.schema";

describe("country vocabulary", () => {
  it("holds the 249 ISO 3166-1 alpha-2 codes, each with a name Intl knows", () => {
    expect(new Set(countryCodes).size).toBe(249);
    const names = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
    expect(countryCodes.filter((c) => !names.of(c))).toEqual([]);
  });

  it("names countries in the reader's language and shows old free text as typed", () => {
    const japan = ["en", "zh-TW", "th"] as const;
    expect(japan.map((lang) => countryName(lang, "JP"))).toEqual(["Japan", "日本", "ญี่ปุ่น"]);
    expect(countryName("en", "Korea")).toBe("Korea");
    expect(isCountryCode("XX")).toBe(false);
  });

  it("sorts the options by name in the reader's language", () => {
    const en = countryOptions("en").map((o) => o.name);
    expect(en.indexOf("Japan")).toBeLessThan(en.indexOf("Kenya"));
    expect(countryOptions("zh-TW")).toHaveLength(249);
  });

  it("refuses a nationality that is not a code, with the localized message key", () => {
    const result = ApplicationFields.pick({ nationality: true }).safeParse({ nationality: "XX" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("cases:errors.nationality");
    expect(ApplicationFields.pick({ nationality: true }).parse({ nationality: "TW" })).toEqual({ nationality: "TW" });
  });
});
