import type { TFunction } from "i18next";
import type { Lang } from "~/lib/i18n/config";
import { formatMoney, formatNumber } from "~/lib/i18n/format";

type Money = { amount: number; currency: string };
const isMoney = (v: unknown): v is Money => typeof v === "object" && v !== null && "amount" in v && "currency" in v;

/** An answer or threshold in words: money via Intl (NT$/US$), years, options by their labels. */
export function formatValue(t: TFunction, lang: Lang, fact: string, value: unknown, unit?: string): string {
  if (value === null || value === undefined) return t("eligibility:results.notAnswered");
  if (isMoney(value)) return formatMoney(lang, value.amount, value.currency);
  if (typeof value === "boolean") return t(value ? "eligibility:results.yes" : "eligibility:results.no");
  if (typeof value === "number") {
    if (unit === "TWD" || unit === "USD") return formatMoney(lang, value, unit);
    if (unit === "years" || unit === "months" || unit === "points") {
      return t(`eligibility:units.${unit}`, { value: formatNumber(lang, value), count: value });
    }
    return formatNumber(lang, value);
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return t("eligibility:wizard.none");
    return value.map((v) => formatValue(t, lang, fact, v, unit)).join(lang === "zh-TW" ? "、" : "; ");
  }
  const key = `eligibility:facts.${fact}.options.${String(value)}`;
  return t(key, { defaultValue: String(value) });
}
