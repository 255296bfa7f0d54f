import taiwan from "@svg-maps/taiwan";
import { useTranslation } from "react-i18next";
import { formatNumber } from "~/lib/i18n/format";
import { useLang } from "~/lib/i18n/use-lang";
import { CITY_CODES, type CityCode } from "~/modules/directories/kinds";
import { countyShapes } from "~/modules/directories/map-shapes";
import type { CityCounts } from "~/modules/directories/present";

const SHAPES = countyShapes(taiwan);

/** The map's figures as a table, for people who do not use the map. */
function MapTable({ counts, hrefFor }: { counts: CityCounts; hrefFor: (city: string) => string }) {
  const { t } = useTranslation("directories");
  const lang = useLang();
  return (
    <details>
      <summary>{t("map.asTable")}</summary>
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">{t("map.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("map.city")}</th>
              <th scope="col">{t("map.count")}</th>
            </tr>
          </thead>
          <tbody>
            {CITY_CODES.map((city) => (
              <tr key={city}>
                <th scope="row">
                  <a href={hrefFor(city)}>{t(`cities.${city}`)}</a>
                </th>
                <td>{formatNumber(lang, counts.counts[city] ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function County({ city, count, href, current }: { city: CityCode; count: number; href: string; current: boolean }) {
  const { t } = useTranslation("directories");
  const lang = useLang();
  const shape = SHAPES[city];
  const label = t("map.tileLabel", { city: t(`cities.${city}`), count });
  const [lx, ly] = shape.label;
  return (
    <a
      href={href}
      aria-label={label}
      aria-current={current ? "true" : undefined}
      className={count > 0 ? "county county-has" : "county"}
    >
      <title>{label}</title>
      <path d={shape.path} />
      {shape.leader ? <line x1={shape.leader[0]} y1={shape.leader[1]} x2={lx} y2={ly} aria-hidden="true" /> : null}
      <circle cx={lx} cy={ly} r={24} aria-hidden="true" />
      <text x={lx} y={ly + 8} textAnchor="middle" aria-hidden="true">
        {formatNumber(lang, count)}
      </text>
    </a>
  );
}

/**
 * Taiwan's 22 cities and counties drawn from @svg-maps/taiwan: each county is a link to the list filtered to it, with
 * its count; the same figures are in a table below.
 */
export function TaiwanMap({
  counts,
  hrefFor,
  current,
}: {
  counts: CityCounts;
  hrefFor: (city: string) => string;
  current?: string;
}) {
  const { t } = useTranslation("directories");
  return (
    <figure className="tw-map" aria-labelledby="tw-map-title">
      <figcaption id="tw-map-title">
        <h2>{t("map.title")}</h2>
      </figcaption>
      <p className="hint">{t("map.hint")}</p>
      <svg viewBox={taiwan.viewBox} role="group" aria-label={t("map.label")}>
        {CITY_CODES.map((city) => (
          <County
            key={city}
            city={city}
            count={counts.counts[city] ?? 0}
            href={hrefFor(city)}
            current={current === city}
          />
        ))}
      </svg>
      {counts.unplaced > 0 ? <p className="muted">{t("map.unplaced", { count: counts.unplaced })}</p> : null}
      <MapTable counts={counts} hrefFor={hrefFor} />
    </figure>
  );
}
