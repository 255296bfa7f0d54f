import { useTranslation } from "react-i18next";
import { formatNumber } from "~/lib/i18n/format";
import { useLang } from "~/lib/i18n/use-lang";
import { CITY_CODES, type CityCode } from "~/modules/directories/kinds";
import type { CityCounts } from "~/modules/directories/present";

/** A tile-grid cartogram: [column, row] of each city or county, north at the top, the outlying islands on the left. */
const TILES: Record<CityCode, [number, number]> = {
  lienchiang: [0, 0],
  taipei: [3, 0],
  keelung: [4, 0],
  kinmen: [0, 1],
  taoyuan: [2, 1],
  "new-taipei": [3, 1],
  yilan: [4, 1],
  "hsinchu-city": [1, 2],
  "hsinchu-county": [2, 2],
  miaoli: [1, 3],
  taichung: [2, 3],
  hualien: [3, 3],
  penghu: [0, 4],
  changhua: [1, 4],
  nantou: [2, 4],
  yunlin: [1, 5],
  "chiayi-county": [2, 5],
  "chiayi-city": [1, 6],
  tainan: [2, 6],
  taitung: [3, 6],
  kaohsiung: [2, 7],
  pingtung: [2, 8],
};

const W = 78;
const H = 54;
const GAP = 6;

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

/** The portal's own SVG map of Taiwan's cities and counties: each tile is a link to the list filtered to it. */
export function TaiwanMap({ counts, hrefFor, current }: { counts: CityCounts; hrefFor: (city: string) => string; current?: string }) {
  const { t } = useTranslation("directories");
  const lang = useLang();
  return (
    <figure className="tw-map">
      <figcaption id="tw-map-title">
        <h2>{t("map.title")}</h2>
      </figcaption>
      <svg viewBox={`0 0 ${5 * (W + GAP)} ${9 * (H + GAP)}`} role="group" aria-label={t("map.label")}>
        {CITY_CODES.map((city) => {
          const [col, row] = TILES[city];
          const n = counts.counts[city] ?? 0;
          const name = t(`cities.${city}`);
          return (
            <a key={city} href={hrefFor(city)} aria-label={t("map.tileLabel", { city: name, count: n })} aria-current={current === city ? "true" : undefined}>
              <g transform={`translate(${col * (W + GAP)} ${row * (H + GAP)})`} className={n > 0 ? "tile tile-has" : "tile"}>
                <rect width={W} height={H} rx={6} />
                <text x={W / 2} y={22} textAnchor="middle" aria-hidden="true">
                  {t(`cityShort.${city}`)}
                </text>
                <text x={W / 2} y={43} textAnchor="middle" className="tile-count" aria-hidden="true">
                  {formatNumber(lang, n)}
                </text>
              </g>
            </a>
          );
        })}
      </svg>
      {counts.unplaced > 0 ? <p className="muted">{t("map.unplaced", { count: counts.unplaced })}</p> : null}
      <MapTable counts={counts} hrefFor={hrefFor} />
    </figure>
  );
}
