import { intlLocale } from "./format";
import type { Lang } from "./config";

/** ISO 3166-1 alpha-2: the officially assigned codes (249). Nationality is stored as one of these. */
// prettier-ignore
export const countryCodes = [
  "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ", "BA", "BB",
  "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS", "BT", "BV", "BW", "BY",
  "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CW", "CX",
  "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE", "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK",
  "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF", "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS",
  "GT", "GU", "GW", "GY", "HK", "HM", "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR",
  "IS", "IT", "JE", "JM", "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA",
  "LB", "LC", "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
  "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA", "NC", "NE",
  "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG", "PH", "PK", "PL", "PM",
  "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW", "SA", "SB", "SC", "SD", "SE", "SG",
  "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS", "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF",
  "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO", "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY",
  "UZ", "VA", "VC", "VE", "VG", "VI", "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
] as const;
export type CountryCode = (typeof countryCodes)[number];

const known = new Set<string>(countryCodes);
export const isCountryCode = (value: unknown): value is CountryCode => typeof value === "string" && known.has(value);

const names = new Map<Lang, Intl.DisplayNames>();

/** A country's name in the reader's language; a value that is not a code (old free text) is shown as typed. */
export function countryName(lang: Lang, value: string): string {
  if (!isCountryCode(value)) return value;
  let display = names.get(lang);
  if (!display) {
    display = new Intl.DisplayNames([intlLocale(lang)], { type: "region", fallback: "code" });
    names.set(lang, display);
  }
  return display.of(value) ?? value;
}

/** Every country as `{ code, name }`, sorted by name in the reader's language (for a select). */
export function countryOptions(lang: Lang): readonly { readonly code: CountryCode; readonly name: string }[] {
  let list = optionsByLang.get(lang);
  if (!list) {
    const collator = new Intl.Collator(intlLocale(lang));
    const named = countryCodes.map((code) => Object.freeze({ code, name: countryName(lang, code) }));
    list = Object.freeze(named.sort((a, b) => collator.compare(a.name, b.name)));
    optionsByLang.set(lang, list);
  }
  return list;
}
/** Built once per language: the staff inbox and the application form sorted 249 names on every request. */
const optionsByLang = new Map<Lang, readonly { readonly code: CountryCode; readonly name: string }[]>();
