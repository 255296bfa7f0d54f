import { readFileSync } from "node:fs";
import path from "node:path";
import MarkdownIt from "markdown-it";
import { getEnv } from "~/lib/env.server";
import type { Lang } from "~/lib/i18n/config";

// Raw HTML off: guide files are prose, never markup or script.
const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
const cache = new Map<string, string>();

/** The Markdown source of a guide in one language (content/guides/<slug>/<lang>.md). */
export function readGuideSource(slug: string, lang: Lang): string {
  if (!/^[a-z0-9-]+$/.test(slug)) throw new Error(`Bad guide slug: ${slug}`);
  return readFileSync(path.resolve(process.cwd(), "content/guides", slug, `${lang}.md`), "utf8");
}

/** Markdown to HTML with raw HTML escaped. */
export const renderMarkdown = (source: string) => md.render(source);

/** A guide rendered to HTML on the server, read once. */
export function renderGuide(slug: string, lang: Lang): string {
  const key = `${slug}/${lang}`;
  if (!cache.has(key) || getEnv().NODE_ENV === "development") cache.set(key, renderMarkdown(readGuideSource(slug, lang)));
  return cache.get(key) as string;
}

/** The heading outline of a Markdown text as "level" strings, e.g. ["h2", "h2", "h3"]. */
export function headingOutline(source: string): string[] {
  return md
    .parse(source, {})
    .filter((token) => token.type === "heading_open")
    .map((token) => token.tag);
}
