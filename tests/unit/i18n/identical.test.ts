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
  "common:menu.label": { reason: 'Vietnamese and Indonesian both say "Menu"', langs: ["vi", "id"] },
  "directories:map.tile": { reason: "placeholders only: a city's name and its count" },
  "eligibility:results.compactReason": {
    reason: "placeholders only: the lead word and the criterion, both translated",
  },
  "eligibility:results.compactReasonGap": {
    reason: "placeholders only: the lead word, the criterion and the gap, all translated",
  },
  "email:signature": { reason: "the service's name, Talent Taiwan, is a brand" },
  "staff:case.vip": { reason: "VIP is written in Latin letters in every language of the staff workspace" },
  "directories:cityShort.*": {
    reason: "Indonesian writes Taiwan's city names in their English romanisation",
    langs: ["id"],
  },
  ...Object.fromEntries(
    [
      "directories:fields.bank",
      "directories:languages.th",
      "directories:staff.status",
      "eligibility:guide.status",
      "eligibility:tracks.gold-card.digital",
      "eligibility:facts.goldCardField.options.digital",
      "cases:goldCardFields.digital",
      "cases:conversation.statusChanged",
      "staff:filters.status",
    ].map((key) => [
      key,
      { reason: "the Indonesian word is spelt as in English (Bank, Thai, Status, Digital)", langs: ["id"] as const },
    ])
  ),
};

/** Keys (as `ns:key`) whose value in `lang` is the English text, unless allow-listed. */
function findIdentical(lang: Lang, ns: string, english: Map<string, string>, other: Map<string, string>): string[] {
  return [...other]
    .filter(([key, value]) => {
      const en = english.get(key) ?? english.get(`${pluralBase(key)}_other`) ?? english.get(pluralBase(key));
      if (en === undefined || value.trim() !== en.trim()) return false;
      const full = `${ns}:${pluralBase(key)}`;
      const entry = allowed[full] ?? allowed[`${full.slice(0, full.lastIndexOf("."))}.*`];
      return !entry || (entry.langs !== undefined && !entry.langs.includes(lang));
    })
    .map(([key]) => `${ns}:${key}`);
}

describe("strings left identical to English", () => {
  it("catches a copied string and honours the allow-list", () => {
    const en = new Map([
      ["title", "Offices"],
      ["taipei", "Taipei"],
      ["count_other", "{{count}} files"],
    ]);
    const copied = new Map([
      ["title", "Offices"],
      ["taipei", "Taipei"],
      ["count_other", "{{count}} files"],
    ]);
    expect(findIdentical("ja", "contact", en, copied)).toEqual([
      "contact:title",
      "contact:taipei",
      "contact:count_other",
    ]);
    expect(
      findIdentical("id", "contact", new Map([["offices.taipei", "Taipei"]]), new Map([["offices.taipei", "Taipei"]]))
    ).toEqual([]);
  });

  it("every allow-list entry names a key that exists in English", () => {
    const known = new Set(
      namespaces.flatMap((ns) => [...loadLocale(defaultLang, ns).keys()].map((k) => `${ns}:${pluralBase(k)}`))
    );
    const exists = (k: string) =>
      k.endsWith(".*") ? [...known].some((key) => key.startsWith(k.slice(0, -1))) : known.has(k);
    expect(Object.keys(allowed).filter((k) => !exists(k))).toEqual([]);
  });

  it.each(langCodes.filter((l) => l !== defaultLang).map((l) => [l]))("%s translates every string", (lang) => {
    const offending = namespaces.flatMap((ns) =>
      findIdentical(lang, ns, loadLocale(defaultLang, ns), loadLocale(lang, ns))
    );
    expect(offending, `${lang}: strings identical to English (translate them, or allow-list a name or code)`).toEqual(
      []
    );
  });
});
