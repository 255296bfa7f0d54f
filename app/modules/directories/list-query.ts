import type { DirectoryDef } from "./kinds";
import { stripControl } from "./text";

export const PAGE_SIZE = 10;
const MAX_PAGE = 100_000;
const MAX_QUERY = 100;

/** A public list's request, cleaned: unknown filter values and bad page numbers are dropped, never an error. */
export interface ListQuery {
  q: string;
  filters: Record<string, string>;
  page: number;
  /** True when something in the URL was not understood and was ignored. */
  ignored: boolean;
}

/** Reads search, filters and page from a URL's query; anything unknown is ignored and flagged. */
export function parseListQuery(def: DirectoryDef, params: URLSearchParams): ListQuery {
  let ignored = false;
  const rawQ = params.get("q") ?? "";
  const q = stripControl(rawQ).trim().slice(0, MAX_QUERY);
  if (rawQ.trim().length > MAX_QUERY) ignored = true;
  const filters: Record<string, string> = {};
  for (const list of def.lists) {
    const value = params.get(list.filter);
    if (!value) continue;
    if (list.vocab.includes(value)) filters[list.filter] = value;
    else ignored = true;
  }
  const rawPage = params.get("page");
  let page = 1;
  if (rawPage !== null && rawPage !== "") {
    if (/^\d{1,9}$/.test(rawPage) && Number(rawPage) >= 1 && Number(rawPage) <= MAX_PAGE) page = Number(rawPage);
    else ignored = true;
  }
  return { q, filters, page, ignored };
}

/** The query string of a list state, with optional overrides (page 1 and empty values are left out). */
export function listSearch(query: Pick<ListQuery, "q" | "filters" | "page">, overrides: Record<string, string | number | null> = {}): string {
  const params = new URLSearchParams();
  const merged: Record<string, string | number | null> = { q: query.q, ...query.filters, page: query.page, ...overrides };
  for (const [key, value] of Object.entries(merged)) {
    if (value === null || value === "" || (key === "page" && Number(value) === 1)) continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}

/** Escapes LIKE wildcards so a search string matches literally. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
