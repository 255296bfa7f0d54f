import type { CityCode } from "./kinds";

/** The shape of an @svg-maps package: one path per location. */
export interface SvgMap {
  viewBox: string;
  locations: { id: string; name: string; path: string }[];
}

export interface CountyShape {
  path: string;
  /** Where the count is drawn. */
  label: [number, number];
  /** For counties too small or crowded to hold their count: the point the label's leader line starts from. */
  leader: [number, number] | null;
}

/** The package's ids end in "-city" or "-county"; ours drop the suffix except where both exist (Hsinchu, Chiayi). */
const PACKAGE_IDS: Record<CityCode, string> = {
  keelung: "keelung-city",
  taipei: "taipei-city",
  "new-taipei": "new-taipei-city",
  taoyuan: "taoyuan-city",
  "hsinchu-city": "hsinchu-city",
  "hsinchu-county": "hsinchu-county",
  miaoli: "miaoli-county",
  taichung: "taichung-city",
  changhua: "changhua-county",
  nantou: "nantou-county",
  yunlin: "yunlin-county",
  "chiayi-city": "chiayi-city",
  "chiayi-county": "chiayi-county",
  tainan: "tainan-city",
  kaohsiung: "kaohsiung-city",
  pingtung: "pingtung-county",
  yilan: "yilan-county",
  hualien: "hualien-county",
  taitung: "taitung-county",
  penghu: "penghu-county",
  kinmen: "kinmen-county",
  lienchiang: "lienchiang-county",
};

/** Counts drawn off the shape (in the map's units), where the north is crowded or a city sits inside a county. */
const LABEL_OFFSETS: Partial<Record<CityCode, [number, number]>> = {
  taipei: [780, 300],
  keelung: [960, 300],
  "new-taipei": [965, 440],
  "hsinchu-city": [650, 440],
  "chiayi-city": [440, 780],
  lienchiang: [520, 60],
  penghu: [366, 760],
};

/** The bounding-box centre of a path's largest ring (paths use only M/m, l and z). */
export function largestRingCentre(d: string): [number, number] {
  const tokens = d.match(/[a-zA-Z]|-?[\d.]+(?:e-?\d+)?/g) ?? [];
  const rings: number[][] = [];
  let ring: number[] = [0, 0, 0, 0];
  let [x, y, sx, sy] = [0, 0, 0, 0];
  let cmd = "M";
  for (let i = 0; i < tokens.length; ) {
    const tok = tokens[i]!;
    if (/[a-zA-Z]/.test(tok)) {
      cmd = tok;
      i += 1;
      if (cmd === "z" || cmd === "Z") [x, y] = [sx, sy];
      continue;
    }
    const [a, b] = [Number(tokens[i]), Number(tokens[i + 1])];
    i += 2;
    const absolute = cmd === cmd.toUpperCase();
    [x, y] = absolute ? [a, b] : [x + a, y + b];
    if (cmd === "M" || cmd === "m") {
      [sx, sy] = [x, y];
      ring = [x, y, x, y];
      rings.push(ring);
      cmd = absolute ? "L" : "l";
    }
    ring[0] = Math.min(ring[0]!, x);
    ring[1] = Math.min(ring[1]!, y);
    ring[2] = Math.max(ring[2]!, x);
    ring[3] = Math.max(ring[3]!, y);
  }
  const area = (r: number[]) => (r[2]! - r[0]!) * (r[3]! - r[1]!);
  const big = rings.reduce((best, r) => (area(r) > area(best) ? r : best), rings[0] ?? [0, 0, 0, 0]);
  return [Math.round((big[0]! + big[2]!) / 2), Math.round((big[1]! + big[3]!) / 2)];
}

/** Every city and county's outline and label position; throws when the package lacks one (a test checks all 22). */
export function countyShapes(map: SvgMap): Record<CityCode, CountyShape> {
  const byId = new Map(map.locations.map((l) => [l.id, l.path]));
  const out = {} as Record<CityCode, CountyShape>;
  for (const [code, id] of Object.entries(PACKAGE_IDS) as [CityCode, string][]) {
    const path = byId.get(id);
    if (!path) throw new Error(`map package has no ${id}`);
    const centre = largestRingCentre(path);
    const offset = LABEL_OFFSETS[code];
    out[code] = { path, label: offset ?? centre, leader: offset ? centre : null };
  }
  return out;
}
