import { readFileSync } from "node:fs";
import taiwan from "@svg-maps/taiwan";
import { describe, expect, it } from "vitest";
import { entrySchema } from "~/modules/directories/entry.schema";
import {
  CITY_CODES,
  cityByName,
  cityFromAddress,
  csvColumns,
  DIRECTORIES,
  DIRECTORY_KINDS,
} from "~/modules/directories/kinds";
import { countyShapes, largestRingCentre } from "~/modules/directories/map-shapes";

const entries = JSON.parse(readFileSync("content/directories/entries.json", "utf8")) as Record<
  string,
  Record<string, unknown>[]
>;

describe("directory sources", () => {
  it.each(DIRECTORY_KINDS.map((k) => [k]))(
    "every %s entry has a source URL, publisher and a checked-on date, and only known columns",
    (kind) => {
      const columns = new Set(csvColumns(DIRECTORIES[kind]));
      expect(entries[kind]!.length).toBeGreaterThan(0);
      for (const entry of entries[kind]!) {
        const label = String(entry.id);
        expect(entry.source_url, label).toMatch(/^https?:\/\/\S+$/);
        expect(entry.source_publisher, label).toEqual(expect.any(String));
        expect(entry.last_verified, label).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(String(entry.last_verified) <= "2026-12-02", label).toBe(true);
        expect(typeof entry.unverified, label).toBe("boolean");
        for (const key of Object.keys(entry)) expect(columns.has(key), `${label}: ${key}`).toBe(true);
        expect(entrySchema(DIRECTORIES[kind]).safeParse(entry).success, label).toBe(true);
      }
    }
  );

  it("ids are unique across the file", () => {
    const ids = DIRECTORY_KINDS.flatMap((k) => entries[k]!.map((e) => `${k}/${String(e.id)}`));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("an address agrees with the county the map places the entry in", () => {
    for (const kind of DIRECTORY_KINDS) {
      for (const entry of entries[kind]!) {
        const city =
          cityFromAddress((entry.address_zh as string | undefined) ?? null) ??
          cityFromAddress((entry.address_en as string | undefined) ?? null);
        if (city) expect(entry.cities, String(entry.id)).toContain(city);
      }
    }
  });
});

describe("county of an address", () => {
  it("reads Chinese addresses with either spelling of 臺/台 and a leading postal code", () => {
    expect(cityFromAddress("臺灣臺北市士林區中山北路六段785號")).toBe("taipei");
    expect(cityFromAddress("111台北市士林區")).toBe("taipei");
    expect(cityFromAddress("新北市板橋區縣民大道二段7號")).toBe("new-taipei");
    expect(cityFromAddress("高雄市苓雅區輔仁路100號")).toBe("kaohsiung");
    expect(cityFromAddress("嘉義縣太保市")).toBe("chiayi-county");
    expect(cityFromAddress("嘉義市西區")).toBe("chiayi-city");
    expect(cityFromAddress("臺東縣臺東市")).toBe("taitung");
  });

  it("reads English addresses, preferring New Taipei City over Taipei City, and refuses to guess", () => {
    expect(cityFromAddress("No. 100, Furen Rd., Lingya District, Kaohsiung City 802")).toBe("kaohsiung");
    expect(cityFromAddress("No. 7, Sec. 2, Xianmin Blvd., Banqiao Dist., New Taipei City")).toBe("new-taipei");
    expect(cityFromAddress("Zhongshan N. Rd., Shilin Dist., Taipei City 111")).toBe("taipei");
    expect(cityFromAddress("216 Si Ping Road, Taichung 40679")).toBeNull();
    expect(cityFromAddress("")).toBeNull();
    expect(cityFromAddress("Atlantis")).toBeNull();
  });
});

describe("county named by a search", () => {
  it("knows a county only by its exact name, in either language and either spelling", () => {
    for (const q of ["臺北市", "台北市", "Taipei City", "  taipei   CITY "]) expect(cityByName(q), q).toBe("taipei");
    expect(cityByName("New Taipei City")).toBe("new-taipei");
    expect(cityByName("新北市")).toBe("new-taipei");
    for (const q of ["Taipei", "台北", "台北市士林區", "Lanya", ""]) expect(cityByName(q), q).toBeNull();
  });
});

describe("county map", () => {
  it("has an outline and a label for all 22 cities and counties", () => {
    const shapes = countyShapes(taiwan);
    expect(Object.keys(shapes).sort()).toEqual([...CITY_CODES].sort());
    for (const code of CITY_CODES) {
      expect(shapes[code].path.length, code).toBeGreaterThan(50);
      const [x, y] = shapes[code].label;
      expect(x > 0 && x < 1000 && y > 0 && y < 1295, code).toBe(true);
    }
    expect(() => countyShapes({ viewBox: "0 0 1 1", locations: [] })).toThrow(/no keelung-city/);
  });

  it("finds the centre of a path's largest ring", () => {
    expect(largestRingCentre("M0 0l10 0 0 10-10 0z m100 100l2 0 0 2z")).toEqual([5, 5]);
  });
});
