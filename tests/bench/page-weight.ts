/* The JavaScript a page ships: every script and modulepreload under /build/, raw and gzip. */
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Suite } from "./run";
import { benchEnv, fmt, startProcess } from "./support";

/** The home page, a page of text, and a question page of the wizard (its first question). */
const pages = ["/en", "/zh-TW/contact", "/en/eligibility"];

/** Script URLs a page loads: module preloads, script src and the inline `import(...)` of the entry. */
export function scriptUrls(html: string): string[] {
  const found = new Set<string>();
  for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)) found.add(m[1]!);
  for (const m of html.matchAll(/<script[^>]+src="([^"]+)"/g)) found.add(m[1]!);
  for (const m of html.matchAll(/import\s*\(?\s*"(\/build\/[^"]+\.js)"/g)) found.add(m[1]!);
  return [...found];
}

/** One line: the scripts a page loads (raw and gzip) and its HTML. */
export async function weighPage(base: string, label: string, html: string): Promise<string> {
  let raw = 0;
  let gz = 0;
  const urls = scriptUrls(html);
  for (const url of urls) {
    const body = Buffer.from(await (await fetch(base + url)).arrayBuffer());
    raw += body.length;
    gz += gzipSync(body, { level: 9 }).length;
  }
  const htmlGz = gzipSync(Buffer.from(html)).length;
  return `${label.padEnd(22)} ${urls.length} scripts: ${fmt(raw / 1024)} KiB raw, ${fmt(
    gz / 1024
  )} KiB gzip; HTML ${fmt(Buffer.byteLength(html) / 1024)} KiB (${fmt(htmlGz / 1024)} KiB gzip)`;
}

export const pageWeightSuite: Suite = {
  name: "page-weight",
  async run({ root, buildDir }) {
    const server = await startProcess([path.join(root, buildDir, "index.js")], {
      port: 3904,
      env: benchEnv(path.join(root, "data/bench/pglite-weight")),
    });
    try {
      for (const page of pages)
        console.log(await weighPage(server.url, page, await (await fetch(server.url + page)).text()));
    } finally {
      await server.stop();
    }
  },
};
