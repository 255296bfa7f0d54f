import { readFileSync } from "node:fs";
import path from "node:path";

export const localesRoot = path.resolve(import.meta.dirname, "../../locales");

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

/** One namespace of one locale as dotted keys → strings. */
export function loadLocale(lang: string, ns: string): Map<string, string> {
  return flatten(JSON.parse(readFileSync(path.join(localesRoot, lang, `${ns}.json`), "utf8")) as Tree);
}

/** Plural suffixes differ by language (ja has only _other), so keys are compared without them. */
export const pluralBase = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, "");
