import { describe, expect, it } from "vitest";
import { defaultLang, langCodes, namespaces, type Lang } from "~/lib/i18n/config";
import { loadLocale, pluralBase } from "../../support/locales";

/**
 * Strings that may read the same as English. Keep this small: names, codes and placeholder-only strings.
 * `langs` limits an entry to the languages that really write it the English way.
 */
const allowed: Record<string, { reason: string; langs?: readonly Lang[] }> = {
  "home:figures.exactly": { reason: "placeholder only: the number is formatted per locale" },
  "contact:offices.taipei": { reason: "Indonesian writes the city name as in English", langs: ["id"] },
};

/** Keys (as `ns:key`) whose value in `lang` is the English text, unless allow-listed. */
function findIdentical(lang: Lang, ns: string, english: Map<string, string>, other: Map<string, string>): string[] {
  return [...other]
    .filter(([key, value]) => {
      const en = english.get(key) ?? english.get(`${pluralBase(key)}_other`) ?? english.get(pluralBase(key));
      if (en === undefined || value.trim() !== en.trim()) return false;
      const entry = allowed[`${ns}:${pluralBase(key)}`];
      return !entry || (entry.langs !== undefined && !entry.langs.includes(lang));
    })
    .map(([key]) => `${ns}:${key}`);
}

describe("strings left identical to English", () => {
  it("catches a copied string and honours the allow-list", () => {
    const en = new Map([["title", "Offices"], ["taipei", "Taipei"], ["count_other", "{{count}} files"]]);
    const copied = new Map([["title", "Offices"], ["taipei", "Taipei"], ["count_other", "{{count}} files"]]);
    expect(findIdentical("ja", "contact", en, copied)).toEqual(["contact:title", "contact:taipei", "contact:count_other"]);
    expect(findIdentical("id", "contact", new Map([["offices.taipei", "Taipei"]]), new Map([["offices.taipei", "Taipei"]]))).toEqual([]);
  });

  it("every allow-list entry names a key that exists in English", () => {
    const known = new Set(namespaces.flatMap((ns) => [...loadLocale(defaultLang, ns).keys()].map((k) => `${ns}:${pluralBase(k)}`)));
    expect(Object.keys(allowed).filter((k) => !known.has(k))).toEqual([]);
  });

  it.each(langCodes.filter((l) => l !== defaultLang).map((l) => [l]))("%s translates every string", (lang) => {
    const offending = namespaces.flatMap((ns) => findIdentical(lang, ns, loadLocale(defaultLang, ns), loadLocale(lang, ns)));
    expect(offending, `${lang}: strings identical to English (translate them, or allow-list a name or code)`).toEqual([]);
  });
});
