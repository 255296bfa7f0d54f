import type { Lang } from "~/lib/i18n/config";
import type { DirectoryDef, DirectoryKind } from "./kinds";

/** A directory row as the app reads it: column name to value. */
export type DirectoryRow = Record<string, unknown> & {
  id: string;
  status: string;
  cities: string[];
  last_verified: string;
};

/** A localized value and the language it is actually in (for the lang attribute when it falls back). */
export interface Localized {
  text: string;
  lang: Lang;
}

/** The field in the reader's language, else in the other one; null when neither is given. */
export function pick(row: Record<string, unknown>, field: string, lang: Lang): Localized | null {
  const order: [Lang, string][] =
    lang === "zh-TW"
      ? [
          ["zh-TW", "zh"],
          ["en", "en"],
        ]
      : [
          ["en", "en"],
          ["zh-TW", "zh"],
        ];
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

/** How many active entries each city or county has; `unplaced` have no city. */
export interface CityCounts {
  counts: Record<string, number>;
  unplaced: number;
}

/** An official count shown where the reference gives no entries. */
export interface FigureView {
  id: string;
  value: number;
  asOf: string | null;
  source: { title: string; url: string | null; publishedOn: string } | null;
}

/** What a public directory list page renders. */
export interface ListPageData {
  kind: DirectoryKind;
  query: { q: string; filters: Record<string, string>; page: number; problems: { param: string; reason: string }[] };
  result: { entries: DirectoryRow[]; total: number; page: number; pageCount: number; outOfRange: boolean };
  counts: CityCounts;
  /** The directory's sourced guide, rendered from Markdown on the server. */
  guideHtml: string | null;
  figures: FigureView[];
  gaps: string[];
}

/** What the "report a change" page renders. */
export interface ReportPageData {
  kind: DirectoryKind;
  id: string;
  title: Localized[];
  fields: string[];
  submissionToken: string;
}
