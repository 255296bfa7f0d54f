import { describe, expect, it } from "vitest";
import { getFixedT } from "~/lib/i18n/i18n.server";
import { formatValue } from "~/modules/eligibility/format-value";

describe("formatValue", () => {
  it("says '1 year' and '3 years' in English, and the number alone where the language has no plural", async () => {
    const en = await getFixedT("en", "eligibility");
    expect(formatValue(en, "en", "experience", 1, "years")).toBe("1 year");
    expect(formatValue(en, "en", "experience", 3, "years")).toBe("3 years");
    const ja = await getFixedT("ja", "eligibility");
    expect(formatValue(ja, "ja", "experience", 1, "years")).toBe("1年");
  });

  it("writes money through Intl in the reader's locale", async () => {
    const en = await getFixedT("en", "eligibility");
    expect(formatValue(en, "en", "salary", 160000, "TWD")).toMatch(/^NT\$160,000$/);
  });
});
