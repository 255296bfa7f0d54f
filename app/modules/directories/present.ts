import type { Lang } from "~/lib/i18n/config";
import type { DirectoryDef } from "./kinds";

/** A directory row as the app reads it: column name to value. */
export type DirectoryRow = Record<string, unknown> & { id: string; status: string; cities: string[]; last_verified: string };

/** A localized value and the language it is actually in (for the lang attribute when it falls back). */
export interface Localized {
  text: string;
  lang: Lang;
}

/** The field in the reader's language, else in the other one; null when neither is given. */
export function pick(row: Record<string, unknown>, field: string, lang: Lang): Localized | null {
  const order: [Lang, string][] = lang === "zh-TW" ? [["zh-TW", "zh"], ["en", "en"]] : [["en", "en"], ["zh-TW", "zh"]];
  for (const [code, suffix] of order) {
    const value = row[`${field}_${suffix}`];
    if (typeof value === "string" && value.trim()) return { text: value, lang: code };
  }
  return null;
}

/** The entry's title parts in the reader's language. */
export function entryTitle(def: DirectoryDef, row: Record<string, unknown>, lang: Lang): Localized[] {
  return def.titleFields.map((f) => pick(row, f, lang)).filter((v): v is Localized => v !== null);
}
