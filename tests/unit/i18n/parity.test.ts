import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { defaultLang, langCodes, namespaces } from "~/lib/i18n/config";

const root = path.resolve(import.meta.dirname, "../../../locales");

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

function load(lang: string, ns: string): Map<string, string> {
  return flatten(JSON.parse(readFileSync(path.join(root, lang, `${ns}.json`), "utf8")) as Tree);
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();
/** Plural suffixes differ by language (ja has only _other), so keys are compared without them. */
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, "");

describe("locale parity", () => {
  it("every locale folder holds exactly the registered namespaces", () => {
    for (const lang of langCodes) {
      const files = readdirSync(path.join(root, lang)).filter((f) => f.endsWith(".json")).map((f) => f.replace(/\.json$/, "")).sort();
      expect(files, lang).toEqual([...namespaces].sort());
    }
  });

  describe.each(namespaces.map((ns) => [ns]))("%s", (ns) => {
    const reference = load(defaultLang, ns);
    const referenceBases = new Set([...reference.keys()].map(base));
    it.each(langCodes.filter((l) => l !== defaultLang).map((l) => [l]))("%s has the same keys and placeholders as English", (lang) => {
      const other = load(lang, ns);
      const otherBases = new Set([...other.keys()].map(base));
      expect([...referenceBases].filter((k) => !otherBases.has(k)), "missing keys").toEqual([]);
      expect([...otherBases].filter((k) => !referenceBases.has(k)), "extra keys").toEqual([]);
      for (const [key, value] of other) {
        const english = reference.get(key) ?? reference.get(`${base(key)}_other`) ?? reference.get(base(key)) ?? "";
        expect(placeholders(value), `${lang}:${ns}:${key}`).toEqual(placeholders(english));
      }
    });
    it.each(langCodes.map((l) => [l]))("%s has no empty values", (lang) => {
      const empty = [...load(lang, ns)].filter(([, v]) => v.trim() === "").map(([k]) => k);
      expect(empty).toEqual([]);
    });
  });
});
