import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatMoney, formatNumber, todayInTaipei } from "~/lib/i18n/format";

describe("format", () => {
  it("formats NT$ in each locale", () => {
    expect(formatMoney("en", 160000)).toBe("NT$160,000");
    expect(formatMoney("zh-TW", 160000)).toBe("$160,000");
  });
  it("formats numbers with grouping", () => {
    expect(formatNumber("en", 2500)).toBe("2,500");
  });
  it("reads calendar dates in Taiwan time", () => {
    expect(formatDate("en", "2026-01-01")).toBe("January 1, 2026");
    expect(formatDate("zh-TW", "2026-01-01")).toBe("2026年1月1日");
  });
  it("formats a moment in Taiwan time with its zone", () => {
    expect(formatDateTime("en", new Date("2026-11-24T16:30:00Z"))).toMatch(/Nov 25, 2026.*00:30.*GMT\+8/);
    expect(formatDateTime("zh-TW", new Date("2026-11-24T16:30:00Z"))).toMatch(/2026年11月25日.*00:30/);
  });
  it("knows that Taiwan's day starts 8 hours before UTC's", () => {
    expect(todayInTaipei(new Date("2026-11-24T16:30:00Z"))).toBe("2026-11-25");
    expect(todayInTaipei(new Date("2026-11-24T15:30:00Z"))).toBe("2026-11-24");
  });
});
