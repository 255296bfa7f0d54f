import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import MarkdownIt from "markdown-it";
import { getEnv } from "~/lib/env.server";
import { notFound } from "~/lib/http/responses";
import { isLang, type Lang } from "~/lib/i18n/config";
import { getFixedT } from "~/lib/i18n/i18n.server";

// Raw HTML off: guide files are prose, never markup or script.
const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
const cache = new Map<string, string>();

// A wide table scrolls inside a focusable region named after the heading above it (axe: scrollable-region-focusable;
// a heading-based name keeps the regions of one page distinct).
md.renderer.rules.table_open = (tokens, idx) => {
  let label = "";
  for (let i = idx - 1; i >= 0 && !label; i--) {
    if (tokens[i]?.type === "heading_open") label = tokens[i + 1]?.content ?? "";
  }
  const name = md.utils.escapeHtml(label || "Table");
  return `<div class="table-scroll" tabindex="0" role="region" aria-label="${name}">\n<table>\n`;
};
md.renderer.rules.table_close = () => "</table>\n</div>\n";

const guideFile = (slug: string, lang: string) => path.resolve(process.cwd(), "content", "guides", slug, `${lang}.md`);

/** The Markdown source of a guide in one language (content/guides/<slug>/<lang>.md). */
export function readGuideSource(slug: string, lang: Lang): string {
  if (!/^[a-z0-9-]+$/.test(slug)) throw new Error(`Bad guide slug: ${slug}`);
  return readFileSync(guideFile(slug, lang), "utf8");
}

/** Markdown to HTML with raw HTML escaped. */
export const renderMarkdown = (source: string) => md.render(source);

/** A guide's Markdown rendered on the server (read once), or undefined when there is none. */
export function guideHtml(slug: string, lang: Lang): string | undefined {
  if (!/^[a-z0-9-]+$/.test(slug)) return undefined;
  const key = `${slug}/${lang}`;
  if (!cache.has(key) || getEnv().NODE_ENV === "development") {
    const file = guideFile(slug, lang);
    if (!existsSync(file)) return undefined;
    cache.set(key, renderMarkdown(readFileSync(file, "utf8")));
  }
  return cache.get(key);
}

/** The heading outline of a Markdown text: level per heading, in order. */
export function headingLevels(markdown: string): number[] {
  return md
    .parse(markdown, {})
    .filter((t) => t.type === "heading_open")
    .map((t) => Number(t.tag.slice(1)));
}

/** A page that is one guide under a common title (privacy notice, accessibility statement); 404 without one. */
export async function proseLoader(params: { lang?: string }, slug: "privacy" | "accessibility") {
  if (!isLang(params.lang)) throw notFound();
  const t = await getFixedT(params.lang, "common");
  const html = guideHtml(slug, params.lang);
  if (!html) throw notFound();
  const title = t(`footer.${slug}`);
  return { meta: { title }, title, html };
}
