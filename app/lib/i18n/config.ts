/**
 * The locale registry: adding a language is one entry here plus a `locales/<code>/` folder.
 * `matches` lists the Accept-Language tags (lower-case, region or script stripped last) that map to it.
 */
export const locales = [
  { code: "en", nativeName: "English", dir: "ltr", matches: ["en"] },
  { code: "zh-TW", nativeName: "繁體中文", dir: "ltr", matches: ["zh-tw", "zh-hant", "zh-hk", "zh-mo", "zh"] },
] as const;

export type Lang = (typeof locales)[number]["code"];

export const defaultLang: Lang = "en";

/** Namespaces: one JSON file each under locales/<lng>/. `common` is always loaded. */
export const namespaces = ["common", "home", "errors", "contact", "account", "cases", "email", "staff"] as const;
export type Namespace = (typeof namespaces)[number];

export const langCodes: readonly Lang[] = locales.map((l) => l.code);

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (langCodes as readonly string[]).includes(value);
}

export function localeInfo(lang: Lang) {
  return locales.find((l) => l.code === lang) ?? locales[0];
}
