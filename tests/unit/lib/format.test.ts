import { describe, expect, it } from "vitest";
import { langCodes } from "~/lib/i18n/config";
import { formatDate, formatDateTime, formatMoney, formatNumber, todayInTaipei } from "~/lib/i18n/format";

describe("format", () => {
  it("formats NT$ in each locale", () => {
    expect(formatMoney("en", 160000)).toBe("NT$160,000");
    expect(formatMoney("zh-TW", 160000)).toBe("NT$160,000");
    expect(formatMoney("ja", 160000)).toBe("NT$160,000");
    expect(formatMoney("ko", 160000)).toBe("NT$160,000");
    expect(formatMoney("vi", 160000)).toBe("160.000\u00a0NT$");
    expect(formatMoney("id", 160000)).toBe("NT$160.000");
    expect(formatMoney("th", 160000)).toBe("NT$160,000");
  });
  it("keeps cents only when there are any", () => {
    expect(formatMoney("id", 1234.5)).toBe("NT$1.234,50");
    expect(formatMoney("th", 500)).toBe("NT$500");
  });
  it("writes NT$ in every locale and US$ amounts by code", () => {
    for (const lang of langCodes) expect(formatMoney(lang, 170000)).toContain("NT$");
    expect(formatMoney("zh-TW", 1234.5)).toBe("NT$1,234.50");
    expect(formatMoney("zh-TW", 20000, "USD")).toBe("USD\u00a020,000");
  });
  it("formats numbers with each locale's grouping", () => {
    expect(formatNumber("en", 2500)).toBe("2,500");
    expect(formatNumber("ja", 120000)).toBe("120,000");
    expect(formatNumber("ko", 120000)).toBe("120,000");
    expect(formatNumber("vi", 120000)).toBe("120.000");
    expect(formatNumber("id", 120000)).toBe("120.000");
    expect(formatNumber("th", 120000)).toBe("120,000");
  });
  it("reads calendar dates in Taiwan time", () => {
    expect(formatDate("en", "2026-01-01")).toBe("January 1, 2026");
    expect(formatDate("zh-TW", "2026-01-01")).toBe("2026年1月1日");
    expect(formatDate("ja", "2026-11-25")).toBe("2026年11月25日");
    expect(formatDate("ko", "2026-11-25")).toBe("2026년 11월 25일");
    expect(formatDate("vi", "2026-11-25")).toBe("25 tháng 11, 2026");
    expect(formatDate("id", "2026-11-25")).toBe("25 November 2026");
  });
  it("writes Thai dates in the Gregorian calendar, not the Buddhist era", () => {
    expect(formatDate("th", "2026-11-25")).toBe("25 พฤศจิกายน ค.ศ. 2026");
    expect(formatDate("th", "2026-11-25", "medium")).toBe("25 พ.ย. 2026");
    expect(formatDate("th", "2026-11-25")).not.toContain("2569");
  });
  it.each(langCodes.map((l) => [l]))("formats a date and time in %s with Taiwan's offset", (lang) => {
    const text = formatDateTime(lang, "2026-11-25T01:05:00Z");
    expect(text).toContain("GMT+8");
    expect(text).toMatch(/9[:.]05/);
    expect(text).toMatch(/25/);
    expect(text).toContain("2026");
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
