import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { langCodes } from "~/lib/i18n/config";
import { entrySchema } from "~/modules/directories/entry.schema";
import { DirectoryFiguresSchema } from "~/modules/directories/figures.schema";
import { DIRECTORIES, DIRECTORY_KINDS } from "~/modules/directories/kinds";

const root = process.cwd();
const readJson = (rel: string) => JSON.parse(readFileSync(path.join(root, rel), "utf8")) as Record<string, unknown>;

function flatKeys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => flatKeys(v, prefix ? `${prefix}.${k}` : k));
}

describe("directory content", () => {
  it("every seeded entry passes the same validation as staff input and cites a source", () => {
    const entries = readJson("content/directories/entries.json") as Record<string, unknown[]>;
    expect(Object.keys(entries).sort()).toEqual([...DIRECTORY_KINDS].sort());
    for (const kind of DIRECTORY_KINDS) {
      const schema = entrySchema(DIRECTORIES[kind]);
      for (const entry of entries[kind] ?? []) {
        const parsed = schema.safeParse(entry);
        expect(parsed.success, `${kind}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
        expect(entry).toMatchObject({
          source_title: expect.any(String),
          last_verified: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        });
      }
    }
  });

  it("figures are valid and every figure and gap has words in every language", () => {
    const figures = DirectoryFiguresSchema.parse(readJson("content/directories/figures.json"));
    for (const lang of langCodes) {
      const words = readJson(`locales/${lang}/directories.json`) as {
        figures: Record<string, string>;
        gaps: Record<string, string>;
      };
      for (const f of figures.figures) expect(words.figures[f.id], `${lang} figures.${f.id}`).toBeTruthy();
      for (const g of Object.values(figures.gaps).flat()) expect(words.gaps[g], `${lang} gaps.${g}`).toBeTruthy();
    }
  });

  // Same keys in every language: tests/unit/i18n/parity.test.ts.
  it("the directories namespace has a label for every code and field", () => {
    const keys = flatKeys(readJson("locales/en/directories.json"));
    for (const def of Object.values(DIRECTORIES)) {
      for (const list of def.lists)
        for (const code of list.vocab) expect(keys, `${list.labels}.${code}`).toContain(`${list.labels}.${code}`);
      for (const field of [...def.text.map((f) => f.name), ...def.lists.map((l) => l.name)])
        expect(keys).toContain(`fields.${field}`);
    }
  });
});

describe("entry validation", () => {
  it("reports every problem of a form at once", () => {
    const result = entrySchema(DIRECTORIES.banks).safeParse({
      phone: "call me",
      website: "javascript:alert(1)",
      cities: ["taipei", "kinmen"],
    });
    expect(result.success).toBe(false);
    const issues = Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
    expect(issues).toMatchObject({
      phone: "directories:errors.phone",
      website: "directories:errors.url",
      cities: "directories:errors.tooMany",
      bank_en: "directories:errors.required",
      branch_en: "directories:errors.required",
      source_title: "directories:errors.sourceTitle",
      last_verified: "directories:errors.date",
    });
  });
});
