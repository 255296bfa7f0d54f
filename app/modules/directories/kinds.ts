/*
 * The three directories described as data: one generic list, detail, export, form and import flow reads these
 * definitions, so a directory differs from another only here (STYLE §3: parameterise flows that differ by data).
 */

/** Taiwan's 22 cities and counties, north to south then the islands (codes are stable URL values). */
export const CITY_CODES = [
  "keelung",
  "taipei",
  "new-taipei",
  "taoyuan",
  "hsinchu-city",
  "hsinchu-county",
  "miaoli",
  "taichung",
  "changhua",
  "nantou",
  "yunlin",
  "chiayi-city",
  "chiayi-county",
  "tainan",
  "kaohsiung",
  "pingtung",
  "yilan",
  "hualien",
  "taitung",
  "penghu",
  "kinmen",
  "lienchiang",
] as const;
export type CityCode = (typeof CITY_CODES)[number];

const ZH_CITY_NAMES: [CityCode, string][] = [
  ["keelung", "基隆市"],
  ["taipei", "台北市"],
  ["new-taipei", "新北市"],
  ["taoyuan", "桃園市"],
  ["hsinchu-city", "新竹市"],
  ["hsinchu-county", "新竹縣"],
  ["miaoli", "苗栗縣"],
  ["taichung", "台中市"],
  ["changhua", "彰化縣"],
  ["nantou", "南投縣"],
  ["yunlin", "雲林縣"],
  ["chiayi-city", "嘉義市"],
  ["chiayi-county", "嘉義縣"],
  ["tainan", "台南市"],
  ["kaohsiung", "高雄市"],
  ["pingtung", "屏東縣"],
  ["yilan", "宜蘭縣"],
  ["hualien", "花蓮縣"],
  ["taitung", "台東縣"],
  ["penghu", "澎湖縣"],
  ["kinmen", "金門縣"],
  ["lienchiang", "連江縣"],
];
const EN_CITY_NAMES: [CityCode, string][] = [
  ["keelung", "keelung city"],
  ["taipei", "taipei city"],
  ["new-taipei", "new taipei city"],
  ["taoyuan", "taoyuan city"],
  ["hsinchu-city", "hsinchu city"],
  ["hsinchu-county", "hsinchu county"],
  ["miaoli", "miaoli county"],
  ["taichung", "taichung city"],
  ["changhua", "changhua county"],
  ["nantou", "nantou county"],
  ["yunlin", "yunlin county"],
  ["chiayi-city", "chiayi city"],
  ["chiayi-county", "chiayi county"],
  ["tainan", "tainan city"],
  ["kaohsiung", "kaohsiung city"],
  ["pingtung", "pingtung county"],
  ["yilan", "yilan county"],
  ["hualien", "hualien county"],
  ["taitung", "taitung county"],
  ["penghu", "penghu county"],
  ["kinmen", "kinmen county"],
  ["lienchiang", "lienchiang county"],
];

export const LANGUAGE_CODES = ["zh", "en", "ja", "fr", "de", "ko", "vi", "id", "th"] as const;
export const BANK_SERVICES = ["account-opening", "credit-cards", "remittance", "one-stop"] as const;
export const RENTAL_SERVICES = [
  "listings",
  "guidance",
  "contract-review",
  "legal-consultation",
  "dispute-help",
] as const;
export const PROGRAMME_KINDS = [
  "foreign-national-school",
  "international-school",
  "science-park-bilingual",
  "experimental-bilingual",
  "transition-class",
  "children-class",
  "overseas-recruitment-class",
] as const;
/** National curricula a school teaches (its language of instruction is in `languages`). */
export const CURRICULA = ["us", "uk", "fr", "de", "jp", "kr", "ib", "tw"] as const;
export const SCHOOL_LEVELS = ["kindergarten", "primary", "junior-high", "senior-high"] as const;

export const DIRECTORY_KINDS = ["banks", "rentals", "schools"] as const;
export type DirectoryKind = (typeof DIRECTORY_KINDS)[number];

/** A free-text field; `localized` ones are stored as `<name>_en` and `<name>_zh`. */
export interface TextField {
  name: string;
  localized: boolean;
  /** For localized fields: at least one language must be given. */
  required?: boolean;
  format?: "phone" | "email" | "url";
  /** Long text gets a textarea in forms. */
  long?: boolean;
}

/** A list of codes stored as a JSON array; `filter` is its query parameter on the public list. */
export interface ListField {
  name: string;
  vocab: readonly string[];
  filter: string;
  /** The i18n key prefix for the codes' labels. */
  labels: string;
  /** At most this many codes (1 = a single choice). */
  max?: number;
}

export interface DirectoryDef {
  kind: DirectoryKind;
  table: "bank_branches" | "rental_services" | "education_programmes";
  /** Where the public pages live: /:lang/<section>/<slug>. */
  section: "living" | "family";
  slug: string;
  /** The fields that make the entry's title, in order. */
  titleFields: string[];
  /** A sourced guide shown with the list (content/guides/<slug>/<lang>.md). */
  guide?: string;
  text: TextField[];
  lists: ListField[];
}

const cities = (max?: number): ListField => ({
  name: "cities",
  vocab: CITY_CODES,
  filter: "city",
  labels: "cities",
  max,
});
const languages = (name = "languages"): ListField => ({
  name,
  vocab: LANGUAGE_CODES,
  filter: "language",
  labels: "languages",
});
const contact: TextField[] = [
  { name: "phone", localized: false, format: "phone" },
  { name: "website", localized: false, format: "url" },
];
const note: TextField = { name: "note", localized: true, long: true };

export const DIRECTORIES: Record<DirectoryKind, DirectoryDef> = {
  banks: {
    kind: "banks",
    table: "bank_branches",
    section: "living",
    slug: "banks",
    titleFields: ["bank", "branch"],
    guide: "bilingual-banks",
    text: [
      { name: "bank", localized: true, required: true },
      { name: "branch", localized: true, required: true },
      { name: "district", localized: true },
      { name: "address", localized: true },
      { name: "hours", localized: true },
      ...contact,
      note,
    ],
    lists: [
      cities(1),
      { name: "services", vocab: BANK_SERVICES, filter: "service", labels: "bankServices" },
      languages(),
    ],
  },
  rentals: {
    kind: "rentals",
    table: "rental_services",
    section: "living",
    slug: "rentals",
    titleFields: ["name"],
    guide: "renting",
    text: [
      { name: "name", localized: true, required: true },
      { name: "address", localized: true },
      ...contact,
      { name: "email", localized: false, format: "email" },
      note,
    ],
    lists: [
      cities(),
      { name: "services", vocab: RENTAL_SERVICES, filter: "service", labels: "rentalServices" },
      languages(),
    ],
  },
  schools: {
    kind: "schools",
    table: "education_programmes",
    section: "family",
    slug: "schools",
    titleFields: ["name"],
    text: [
      { name: "name", localized: true, required: true },
      { name: "curriculum", localized: true },
      { name: "address", localized: true },
      { name: "eligibility", localized: true, long: true },
      { name: "how_to_apply", localized: true, long: true },
      ...contact,
      note,
    ],
    lists: [
      { name: "kinds", vocab: PROGRAMME_KINDS, filter: "type", labels: "programmeKinds", max: 1 },
      cities(1),
      { name: "levels", vocab: SCHOOL_LEVELS, filter: "level", labels: "levels" },
      { name: "curricula", vocab: CURRICULA, filter: "curriculum", labels: "curricula" },
      languages(),
    ],
  },
};

export function isDirectoryKind(value: unknown): value is DirectoryKind {
  return typeof value === "string" && (DIRECTORY_KINDS as readonly string[]).includes(value);
}

/** The public list path of a directory in a language. */
export function directoryPath(lang: string, kind: DirectoryKind): string {
  const def = DIRECTORIES[kind];
  return `/${lang}/${def.section}/${def.slug}`;
}

/** The database/CSV column names of a directory's text fields. */
export function textColumns(def: DirectoryDef): string[] {
  return def.text.flatMap((f) => (f.localized ? [`${f.name}_en`, `${f.name}_zh`] : [f.name]));
}

/** Every editable column, in CSV order. */
export function csvColumns(def: DirectoryDef): string[] {
  return ["id", ...textColumns(def), ...def.lists.map((l) => l.name), ...SOURCE_COLUMNS];
}

/** Where an entry comes from and when it was checked; every directory has these. */
export const SOURCE_COLUMNS = [
  "source_title",
  "source_url",
  "source_publisher",
  "source_date",
  "unverified",
  "last_verified",
] as const;

/** An entry whose last check is older than this many months is listed for staff to re-check. */
export const STALE_AFTER_MONTHS = 12;

/**
 * The county or city a search names exactly, in Chinese (either spelling of 臺/台) or English, else null. Searching a
 * county's name then lists that county's entries in both languages alike: a plain text match would let "Taipei City"
 * also find New Taipei City's entries, which "臺北市" does not.
 */
export function cityByName(q: string): CityCode | null {
  const zh = q.trim().replaceAll("臺", "台");
  const en = q.trim().toLowerCase().replace(/\s+/g, " ");
  return (
    ZH_CITY_NAMES.find(([, name]) => name === zh)?.[0] ?? EN_CITY_NAMES.find(([, name]) => name === en)?.[0] ?? null
  );
}

/** The county or city of a Chinese or English address: the first place name it starts with (postal code allowed). */
export function cityFromAddress(address: string | null | undefined): CityCode | null {
  if (!address) return null;
  const zh = address
    .replace(/^[\s\d-]+/, "")
    .replace(/^台灣|^臺灣/, "")
    .replaceAll("臺", "台");
  for (const [code, name] of ZH_CITY_NAMES) if (zh.startsWith(name)) return code;
  const en = address.toLowerCase();
  const found = EN_CITY_NAMES.filter(([, name]) => new RegExp(`(^|[ ,])${name}([ ,]|$)`).test(en));
  // "New Taipei City" also contains "Taipei City": the longer name wins.
  const distinct = found.filter(([, name]) => !found.some(([, other]) => other !== name && other.includes(name)));
  return distinct.length === 1 ? distinct[0]![0] : null;
}
