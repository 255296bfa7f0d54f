/**
 * The locale registry: adding a language is one entry here plus a `locales/<code>/` folder.
 * `matches` lists the Accept-Language tags (lower-case, region or script stripped last) that map to it;
 * `reviewedOn` is when the team last reviewed the translation (null for the official language).
 */
export const locales = [
  { code: "en", nativeName: "English", dir: "ltr", matches: ["en"], reviewedOn: "2026-11-25" },
  {
    code: "zh-TW",
    nativeName: "繁體中文",
    dir: "ltr",
    matches: ["zh-tw", "zh-hant", "zh-hk", "zh-mo", "zh"],
    reviewedOn: null,
  },
  // Machine-assisted translations, checked by the team on `reviewedOn` (wording, placeholders, official names);
  // not yet reviewed by a native-speaker or certified translator: see the README decision of 2026-11-25.
  { code: "ja", nativeName: "日本語", dir: "ltr", matches: ["ja"], reviewedOn: "2026-11-25" },
  { code: "ko", nativeName: "한국어", dir: "ltr", matches: ["ko"], reviewedOn: "2026-11-25" },
  { code: "vi", nativeName: "Tiếng Việt", dir: "ltr", matches: ["vi"], reviewedOn: "2026-11-25" },
  // "in" is the pre-1989 ISO 639 code for Indonesian, still sent by some older Android and Java clients.
  { code: "id", nativeName: "Bahasa Indonesia", dir: "ltr", matches: ["id", "in"], reviewedOn: "2026-11-25" },
  { code: "th", nativeName: "ไทย", dir: "ltr", matches: ["th"], reviewedOn: "2026-11-25" },
] as const;

/** The language whose text prevails for legal meaning: the official Chinese of Taiwan's agencies. */
export const officialLang = "zh-TW" satisfies (typeof locales)[number]["code"];

export type Lang = (typeof locales)[number]["code"];

export const defaultLang: Lang = "en";

/** Namespaces: one JSON file each under locales/<lng>/, in every language. `common` is always loaded. */
export const namespaces = [
  "common",
  "home",
  "errors",
  "contact",
  "directories",
  "eligibility",
  "account",
  "cases",
  "email",
  "staff",
  "reminders",
] as const;
export type Namespace = (typeof namespaces)[number];

export const langCodes: readonly Lang[] = locales.map((l) => l.code);

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (langCodes as readonly string[]).includes(value);
}

export function localeInfo(lang: Lang) {
  return locales.find((l) => l.code === lang) ?? locales[0];
}
