import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/forms";
import { formatNumber } from "~/lib/i18n/format";
import { useLang } from "~/lib/i18n/use-lang";
import { DIRECTORIES, directoryPath, type DirectoryDef } from "~/modules/directories/kinds";
import { listSearch, PAGE_SIZE } from "~/modules/directories/list-query";
import { entryTitle, type DirectoryRow, type ListPageData } from "~/modules/directories/present";
import { DirectoryFigures } from "./figures";
import { TaiwanMap } from "./taiwan-map";
import { VocabOptions } from "./vocab-options";

type Query = ListPageData["query"];

function FilterForm({ def, query }: { def: DirectoryDef; query: Query }) {
  const { t } = useTranslation("directories");
  return (
    <Form method="get" className="filters" aria-labelledby="filters-title">
      <h2 id="filters-title">{t("list.filters")}</h2>
      <div className="filter-grid">
        <div className="field">
          <label htmlFor="filter-q">{t("list.search")}</label>
          <p className="hint" id="filter-q-hint">
            {t("list.searchHint")}
          </p>
          <input
            id="filter-q"
            type="search"
            name="q"
            defaultValue={query.q}
            aria-describedby="filter-q-hint"
            maxLength={100}
          />
        </div>
        {def.lists.map((list) => (
          <div className="field" key={list.filter}>
            <label htmlFor={`filter-${list.filter}`}>{t(`filters.${list.filter}`)}</label>
            <select id={`filter-${list.filter}`} name={list.filter} defaultValue={query.filters[list.filter] ?? ""}>
              <VocabOptions list={list} emptyLabel={t("list.any")} />
            </select>
          </div>
        ))}
      </div>
      <div className="button-row">
        <button type="submit">{t("list.apply")}</button>
        <Link className="button button-secondary" to=".">
          {t("list.clear")}
        </Link>
      </div>
    </Form>
  );
}

/** The codes of an entry's list fields as tags (cities excluded: they are the location). */
export function EntryTags({ def, row }: { def: DirectoryDef; row: DirectoryRow }) {
  const { t } = useTranslation("directories");
  const tags = def.lists
    .filter((l) => l.name !== "cities")
    .flatMap((l) =>
      ((row[l.name] as string[] | undefined) ?? []).map((code) => ({
        key: `${l.name}-${code}`,
        label: t(`${l.labels}.${code}`),
      }))
    );
  if (tags.length === 0) return null;
  return (
    <ul className="tag-list">
      {tags.map((tag) => (
        <li key={tag.key} className="tag">
          {tag.label}
        </li>
      ))}
    </ul>
  );
}

function EntryCard({ def, row }: { def: DirectoryDef; row: DirectoryRow }) {
  const { t } = useTranslation("directories");
  const lang = useLang();
  const title = entryTitle(def, row, lang);
  return (
    <li className="card entry-card">
      <h3>
        <Link to={`${directoryPath(lang, def.kind)}/${row.id}`}>
          {title.map((part, i) => (
            <span key={i} lang={part.lang}>
              {i > 0 ? " " : ""}
              {part.text}
            </span>
          ))}
        </Link>
      </h3>
      <p>
        {t("list.location")}:{" "}
        {row.cities.length
          ? row.cities.map((c) => t(`cities.${c}`)).join(lang === "zh-TW" ? "、" : ", ")
          : t("fields.notGiven")}
      </p>
      <EntryTags def={def} row={row} />
    </li>
  );
}

function Pager({ data }: { data: ListPageData }) {
  const { t } = useTranslation("directories");
  const { page, pageCount } = data.result;
  if (pageCount <= 1 || data.result.outOfRange) return null;
  return (
    <nav aria-label={t("list.pagination")} className="pager">
      {page > 1 ? <Link to={listSearch(data.query, { page: page - 1 })}>{t("list.previous")}</Link> : null}
      <span>{t("list.pageOf", { page, pageCount })}</span>
      {page < pageCount ? <Link to={listSearch(data.query, { page: page + 1 })}>{t("list.next")}</Link> : null}
    </nav>
  );
}

function Results({ data }: { data: ListPageData }) {
  const { t } = useTranslation("directories");
  const lang = useLang();
  const def = DIRECTORIES[data.kind];
  const { entries, total, page, pageCount, outOfRange } = data.result;
  if (outOfRange) {
    return (
      <p role="status">
        {t("list.outOfRange", { page: formatNumber(lang, page), pageCount })}{" "}
        <Link to={listSearch(data.query, { page: 1 })}>{t("list.firstPage")}</Link>
      </p>
    );
  }
  const from = (page - 1) * PAGE_SIZE + 1;
  return (
    <>
      <p role="status" className="result-count">
        {t("list.results", { count: total })}
        {total > PAGE_SIZE ? ` · ${t("list.resultsRange", { from, to: from + entries.length - 1, total })}` : ""}
      </p>
      {total === 0 ? (
        <p>{data.query.q || Object.keys(data.query.filters).length ? t("list.empty") : t("list.emptyDirectory")}</p>
      ) : null}
      <ul className="card-grid entry-list">
        {entries.map((row) => (
          <EntryCard key={row.id} def={def} row={row} />
        ))}
      </ul>
      {pageCount > 1 ? <Pager data={data} /> : null}
    </>
  );
}

function Downloads({ data, base }: { data: ListPageData; base: string }) {
  const { t } = useTranslation("directories");
  const search = listSearch(data.query, { page: 1 });
  return (
    <section aria-labelledby="downloads-title" className="downloads">
      <h2 id="downloads-title">{t("list.download")}</h2>
      <ul>
        <li>
          <a href={`${base}/export.csv${search}`} download>
            {t("list.downloadCsv")}
          </a>
        </li>
        <li>
          <a href={`${base}/export.json${search}`} download>
            {t("list.downloadJson")}
          </a>
        </li>
      </ul>
    </section>
  );
}

/** A public directory: filters as a GET form, results, pages, downloads, the map, official figures. */
export function DirectoryListPage({ data }: { data: ListPageData }) {
  const { t } = useTranslation("directories");
  const lang = useLang();
  const base = directoryPath(lang, data.kind);
  return (
    <>
      <ErrorSummary
        errors={data.query.problems.map((p) => ({
          fieldId: `filter-${p.param === "page" ? "q" : p.param}`,
          messageKey: p.reason,
        }))}
      />
      <h1>{t(`kinds.${data.kind}.title`)}</h1>
      <p className="lead">{t(`kinds.${data.kind}.lead`)}</p>
      <FilterForm def={DIRECTORIES[data.kind]} query={data.query} />
      <Results data={data} />
      {data.guideHtml ? (
        <section
          className="prose directory-guide"
          aria-label={t("list.guide")}
          dangerouslySetInnerHTML={{ __html: data.guideHtml }}
        />
      ) : null}
      <Downloads data={data} base={base} />
      <TaiwanMap
        counts={data.counts}
        current={data.query.filters.city}
        hrefFor={(city) => `${base}${listSearch(data.query, { city, page: 1 })}`}
      />
      <DirectoryFigures figures={data.figures} gaps={data.gaps} />
    </>
  );
}
