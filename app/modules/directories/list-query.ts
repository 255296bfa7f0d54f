import type { DirectoryDef } from "./kinds";
import { stripControl } from "./text";

export const PAGE_SIZE = 10;
const MAX_PAGE = 100_000;
export const MAX_QUERY = 100;

/** A part of the URL that was refused: its parameter and an i18n reason key. */
export interface ListProblem {
  param: string;
  reason:
    | "directories:list.problem.unknownValue"
    | "directories:list.problem.tooLong"
    | "directories:list.problem.badPage";
}

/** A public list's request, cleaned: a refused part is left out (never applied) and reported. */
export interface ListQuery {
  q: string;
  filters: Record<string, string>;
  page: number;
  /** What in the URL was refused; the page answers 400 and lists them. */
  problems: ListProblem[];
}

/** Lower-cased with 臺 folded to 台, as the database folds `search_text`, so either spelling finds an entry. */
export const foldSearch = (q: string) => q.toLowerCase().replaceAll("臺", "台");

/** Reads search, filters and page from a URL's query; anything unknown or too long is refused, not guessed. */
export function parseListQuery(def: DirectoryDef, params: URLSearchParams): ListQuery {
  const problems: ListProblem[] = [];
  let q = stripControl(params.get("q") ?? "").trim();
  if (q.length > MAX_QUERY) {
    problems.push({ param: "q", reason: "directories:list.problem.tooLong" });
    q = "";
  }
  const filters: Record<string, string> = {};
  for (const list of def.lists) {
    const value = params.get(list.filter);
    if (!value) continue;
    if (list.vocab.includes(value)) filters[list.filter] = value;
    else problems.push({ param: list.filter, reason: "directories:list.problem.unknownValue" });
  }
  const rawPage = params.get("page");
  let page = 1;
  if (rawPage !== null && rawPage !== "") {
    if (/^\d{1,9}$/.test(rawPage) && Number(rawPage) >= 1 && Number(rawPage) <= MAX_PAGE) page = Number(rawPage);
    else problems.push({ param: "page", reason: "directories:list.problem.badPage" });
  }
  return { q, filters, page, problems };
}

/** The query string of a list state, with optional overrides (page 1 and empty values are left out). */
export function listSearch(
  query: Pick<ListQuery, "q" | "filters" | "page">,
  overrides: Record<string, string | number | null> = {}
): string {
  const params = new URLSearchParams();
  const merged: Record<string, string | number | null> = {
    q: query.q,
    ...query.filters,
    page: query.page,
    ...overrides,
  };
  for (const [key, value] of Object.entries(merged)) {
    if (value === null || value === "" || (key === "page" && Number(value) === 1)) continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}

/** Escapes LIKE wildcards so a search string matches literally. */
export function likePattern(q: string): string {
  return `%${foldSearch(q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
