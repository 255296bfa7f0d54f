import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { defaultLang, langCodes, namespaces } from "~/lib/i18n/config";
import { loadLocale as load, localesRoot as root, pluralBase as base } from "../../support/locales";

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();

describe("locale parity", () => {
  it("every locale folder holds exactly the registered namespaces", () => {
    for (const lang of langCodes) {
      const files = readdirSync(path.join(root, lang))
        .filter((f) => f.endsWith(".json"))
        .map((f) => f.replace(/\.json$/, ""))
        .sort();
      expect(files, lang).toEqual([...namespaces].sort());
    }
  });

  describe.each(namespaces.map((ns) => [ns]))("%s", (ns) => {
    const reference = load(defaultLang, ns);
    const referenceBases = new Set([...reference.keys()].map(base));
    it.each(langCodes.filter((l) => l !== defaultLang).map((l) => [l]))(
      "%s has the same keys and placeholders as English",
      (lang) => {
        const other = load(lang, ns);
        const otherBases = new Set([...other.keys()].map(base));
        expect(
          [...referenceBases].filter((k) => !otherBases.has(k)),
          "missing keys"
        ).toEqual([]);
        expect(
          [...otherBases].filter((k) => !referenceBases.has(k)),
          "extra keys"
        ).toEqual([]);
        for (const [key, value] of other) {
          const english = reference.get(key) ?? reference.get(`${base(key)}_other`) ?? reference.get(base(key)) ?? "";
          expect(placeholders(value), `${lang}:${ns}:${key}`).toEqual(placeholders(english));
        }
      }
    );
    it.each(langCodes.map((l) => [l]))("%s has no empty values", (lang) => {
      const empty = [...load(lang, ns)].filter(([, v]) => v.trim() === "").map(([k]) => k);
      expect(empty).toEqual([]);
    });
  });
});
