import type { Lang } from "./config";

export const TIME_ZONE = "Asia/Taipei";

/**
 * The Intl locale for a portal language. The Gregorian calendar is pinned: plain `th` would give Buddhist-era years
 * (2569 for 2026), while the portal's dates, sources and deadlines are Gregorian; Thai output says "ค.ศ.".
 */
export function intlLocale(lang: Lang): string {
  return `${lang}-u-ca-gregory`;
}

// Building an Intl formatter costs far more than formatting with one (a results page formats hundreds of values).
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

export function formatNumber(lang: Lang, value: number, options: Intl.NumberFormatOptions = {}): string {
  return numberFormat(intlLocale(lang), options).format(value);
}

/**
 * Money in NT$ by default; other currencies by ISO code. The NT$ symbol is written in every locale: zh-TW's own
 * symbol for TWD is a bare "$", which reads as US dollars beside US$ amounts.
 */
export function formatMoney(lang: Lang, amount: number, currency = "TWD"): string {
  const parts = numberFormat(intlLocale(lang), {
    style: "currency",
    currency,
    currencyDisplay: currency === "TWD" ? "symbol" : "code",
    maximumFractionDigits: Number.isInteger(amount) ? 0 : 2,
  }).formatToParts(amount);
  return parts.map((p) => (p.type === "currency" && currency === "TWD" ? "NT$" : p.value)).join("");
}

type DateInput = Date | string | number;

function toDate(value: DateInput): Date {
  return value instanceof Date
    ? value
    : new Date(typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00+08:00` : value);
}

/** A calendar date in Taiwan time, e.g. "25 November 2026" / "2026年11月25日". */
export function formatDate(lang: Lang, value: DateInput, style: "full" | "long" | "medium" | "short" = "long"): string {
  return dateFormat(intlLocale(lang), { dateStyle: style, timeZone: TIME_ZONE }).format(toDate(value));
}

export function formatDateTime(lang: Lang, value: DateInput): string {
  // dateStyle/timeStyle cannot be combined with timeZoneName, so the parts are listed one by one.
  return dateFormat(intlLocale(lang), {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: TIME_ZONE,
    timeZoneName: "short",
  }).format(toDate(value));
}

/** Today's date in Taiwan as YYYY-MM-DD. */
export function todayInTaipei(now: Date = new Date()): string {
  return dateFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** A month from "YYYY-MM", e.g. "September 2024" / "2024年9月" (for sources dated to the month). */
export function formatMonth(lang: Lang, yearMonth: string): string {
  return dateFormat(intlLocale(lang), { year: "numeric", month: "long", timeZone: TIME_ZONE }).format(
    toDate(`${yearMonth.slice(0, 7)}-01`)
  );
}

/** Whole days from one calendar date (YYYY-MM-DD) to another; negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
