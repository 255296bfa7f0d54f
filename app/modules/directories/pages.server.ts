import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/lib/db.server";
import { notFound } from "~/lib/http/responses";
import { isLang, type Lang } from "~/lib/i18n/config";
import { getFixedT } from "~/lib/i18n/i18n.server";
import { readContentJson } from "~/modules/content/content.server";
import { guideHtml } from "~/modules/content/guides.server";
import { toCsv, toJsonEntries } from "./csv.server";
import { cityCounts, exportEntries, getEntry, listEntries } from "./directories.server";
import { DirectoryFiguresSchema } from "./figures.schema";
import { DIRECTORIES, isDirectoryKind, type DirectoryDef, type DirectoryKind } from "./kinds";
import { parseListQuery } from "./list-query";
import { entryTitle, type DirectoryRow } from "./present";

type Section = DirectoryDef["section"];

/** Official counts and known gaps, validated once. */
export const directoryFigures = () => readContentJson("directories/figures.json", DirectoryFiguresSchema);

/** The language and directory of a public directory URL, or a 404. */
function resolve(section: Section, params: LoaderFunctionArgs["params"]): { lang: Lang; kind: DirectoryKind } {
  if (!isLang(params.lang)) throw notFound();
  const kind = params.directory;
  if (!isDirectoryKind(kind) || DIRECTORIES[kind].section !== section) throw notFound();
  return { lang: params.lang, kind };
}

/** What the browser needs of a row: no generated or bookkeeping columns. */
function publicRow(row: DirectoryRow): DirectoryRow {
  const { search_text: _s, created_at: _c, updated_at: _u, retired_at: _r, ...rest } = row;
  return rest as DirectoryRow;
}

/** Figures and gaps for one directory, with their sources. */
function figuresFor(kind: DirectoryKind) {
  const data = directoryFigures();
  return {
    figures: data.figures
      .filter((f) => f.directory === kind)
      .map((f) => ({ ...f, source: data.sources[f.source] ?? null })),
    gaps: data.gaps[kind] ?? [],
  };
}

/** Loader of a public directory list: filters, page, map counts, figures. */
export async function directoryListLoader(section: Section, { params, request }: LoaderFunctionArgs) {
  const { lang, kind } = resolve(section, params);
  const url = new URL(request.url);
  const query = parseListQuery(DIRECTORIES[kind], url.searchParams);
  const db = await getDb();
  const [result, counts] = await Promise.all([listEntries(db, kind, query, lang), cityCounts(db, kind)]);
  const t = await getFixedT(lang, "directories");
  const title = t(`kinds.${kind}.title`);
  const page = {
    meta: {
      title: query.problems.length ? t("list.errorTitle", { title }) : title,
      description: t(`kinds.${kind}.lead`),
    },
    kind,
    query,
    result: { ...result, entries: result.entries.map(publicRow) },
    counts,
    guideHtml: DIRECTORIES[kind].guide ? guideHtml(DIRECTORIES[kind].guide, lang) ?? null : null,
    ...figuresFor(kind),
  };
  // A refused part of the URL is a client error: say so (400) and show the list without it.
  return json(page, { status: query.problems.length ? 400 : 200 });
}

/** Loader of one public entry; retired or unknown entries are a 404. */
export async function directoryEntryLoader(section: Section, { params, request }: LoaderFunctionArgs) {
  const { lang, kind } = resolve(section, params);
  const id = params.id ?? "";
  const entry = /^[a-z0-9-]{1,80}$/.test(id) ? await getEntry(await getDb(), kind, id) : null;
  if (!entry) throw notFound();
  const title = entryTitle(DIRECTORIES[kind], entry, lang)
    .map((p) => p.text)
    .join(" ");
  const reported = new URL(request.url).searchParams.get("reported");
  return {
    meta: { title, description: (await getFixedT(lang, "directories"))(`kinds.${kind}.title`) },
    kind,
    entry: publicRow(entry),
    reported: reported && /^TT-\d{4}-\d{6,}$/.test(reported) ? reported : null,
  };
}

/** The open-data download of a list in its current filter, as CSV or JSON. */
export async function directoryExport(
  section: Section,
  format: "csv" | "json",
  { params, request }: LoaderFunctionArgs
) {
  const { lang, kind } = resolve(section, params);
  const def = DIRECTORIES[kind];
  const query = parseListQuery(def, new URL(request.url).searchParams);
  const rows = await exportEntries(await getDb(), kind, query, lang);
  const stamp = new Date().toISOString().slice(0, 10);
  const headers = {
    "Content-Disposition": `attachment; filename="talent-taiwan-${kind}-${stamp}.${format}"`,
    "Cache-Control": "no-store",
  };
  if (format === "csv")
    return new Response(toCsv(def, rows), { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" } });
  const body = {
    directory: kind,
    generatedAt: new Date().toISOString(),
    filters: { q: query.q, ...query.filters },
    count: rows.length,
    entries: toJsonEntries(def, rows),
  };
  return new Response(JSON.stringify(body, null, 2), {
    headers: { ...headers, "Content-Type": "application/json; charset=utf-8" },
  });
}
