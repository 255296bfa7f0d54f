import { describe, expect, it } from "vitest";
import { defaultLang, langCodes, namespaces, officialLang } from "~/lib/i18n/config";
import { loadLocale } from "../../support/locales";

/** Agencies, cards and plans: a translation keeps the official English and Chinese forms beside its own words. */
const officialNames = [
  { en: "Employment Gold Card", zh: "就業金卡" },
  { en: "National Development Council", zh: "國家發展委員會" },
  { en: "National Talent Competitiveness Leap Program", zh: "國家人才競爭力躍升方案" },
] as const;

const text = (lang: string, ns: string) => [...loadLocale(lang, ns).values()].join("\n");

describe("official names in translations", () => {
  const translated = langCodes.filter((l) => l !== defaultLang && l !== officialLang);
  it.each(translated.flatMap((lang) => namespaces.map((ns) => [lang, ns])))(
    "%s:%s names agencies and cards in English and Chinese",
    (lang, ns) => {
      const english = text(defaultLang, ns);
      const own = text(lang, ns);
      const missing = officialNames
        .filter((n) => english.includes(n.en) && !(own.includes(n.en) && own.includes(n.zh)))
        .map((n) => n.en);
      expect(missing).toEqual([]);
    }
  );
});
