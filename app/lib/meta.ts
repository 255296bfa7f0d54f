import type { MetaDescriptor } from "@remix-run/node";

export interface PageMeta {
  title: string;
  description?: string;
}

/** Meta tags from a loader's `meta` field; titles are translated by the loader. */
export function pageMeta(data: { meta?: PageMeta } | undefined, fallbackTitle = "Talent Taiwan"): MetaDescriptor[] {
  const meta = data?.meta;
  if (!meta) return [{ title: fallbackTitle }];
  return [{ title: meta.title }, ...(meta.description ? [{ name: "description", content: meta.description }] : [])];
}
