import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { langCodes } from "~/lib/i18n/config";
import { guideHtml, headingLevels, readGuideSource, renderMarkdown } from "~/modules/content/guides.server";

const slugs = readdirSync(path.resolve("content/guides"));

describe("guides", () => {
  it.each(slugs.map((s) => [s]))("%s exists in every locale with the same headings and no raw HTML", (slug) => {
    const outlines = langCodes.map((lang) => headingLevels(readGuideSource(slug, lang)));
    expect(outlines[0]!.length, slug).toBeGreaterThan(0);
    outlines.forEach((outline, i) => expect(outline, `${slug}/${langCodes[i]}`).toEqual(outlines[0]));
    for (const lang of langCodes) expect(readGuideSource(slug, lang), `${slug}/${lang}`).not.toMatch(/<[a-z]/i);
  });

  it.each(slugs.map((s) => [s]))(
    "%s cites no staging site and no other language's page of the Gold Card site",
    (slug) => {
      for (const lang of langCodes) {
        const links = [...readGuideSource(slug, lang).matchAll(/\]\((https?:[^)\s]+)\)/g)].map((m) => m[1]!);
        expect(
          links.filter((u) => /\/\/staging\./.test(u)),
          `${slug}/${lang}`
        ).toEqual([]);
        expect(
          links.filter(
            (u) => /goldcard\.nat\.gov\.tw\/(ja|ko|vi|id|th|en|zh)\b/.test(u) && !u.includes(`.tw/${lang.slice(0, 2)}`)
          ),
          `${slug}/${lang}`
        ).toEqual([]);
      }
    }
  );

  it("renders Markdown with raw HTML escaped", () => {
    expect(guideHtml("family", "en")).toContain('href="/en/family/schools"');
    expect(guideHtml("no-such-guide", "en")).toBeUndefined();
    expect(guideHtml("../etc", "en")).toBeUndefined();
    const hostile = renderMarkdown(
      '<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">\n\n[x](javascript:alert(1))'
    );
    expect(hostile).not.toMatch(/<script|<img|href="javascript:/i);
    expect(hostile).toContain("&lt;script&gt;");
  });
});
