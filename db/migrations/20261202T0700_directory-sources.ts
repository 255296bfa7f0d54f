import { sql, type Kysely } from "kysely";

const TABLES = ["bank_branches", "rental_services", "education_programmes"] as const;

/** Localized columns each table's search text covers after this migration (addresses added where new). */
const SEARCHED: Record<(typeof TABLES)[number], string[]> = {
  bank_branches: ["bank", "branch", "district", "address", "hours", "note"],
  rental_services: ["name", "address", "note"],
  education_programmes: ["name", "curriculum", "address", "eligibility", "how_to_apply", "note"],
};

/** The fields of each table's title, in reading order (the list sorts by them, reader's language first). */
const TITLES: Record<(typeof TABLES)[number], string[]> = {
  bank_branches: ["bank", "branch"],
  rental_services: ["name"],
  education_programmes: ["name"],
};

/** The 22 cities and counties as stored codes, with their Chinese (both 臺 and 台 spellings match) and English names. */
const CITY_NAMES: [string, string, string][] = [
  ["keelung", "基隆市", "keelung city"],
  ["taipei", "台北市", "taipei city"],
  ["new-taipei", "新北市", "new taipei city"],
  ["taoyuan", "桃園市", "taoyuan city"],
  ["hsinchu-city", "新竹市", "hsinchu city"],
  ["hsinchu-county", "新竹縣", "hsinchu county"],
  ["miaoli", "苗栗縣", "miaoli county"],
  ["taichung", "台中市", "taichung city"],
  ["changhua", "彰化縣", "changhua county"],
  ["nantou", "南投縣", "nantou county"],
  ["yunlin", "雲林縣", "yunlin county"],
  ["chiayi-city", "嘉義市", "chiayi city"],
  ["chiayi-county", "嘉義縣", "chiayi county"],
  ["tainan", "台南市", "tainan city"],
  ["kaohsiung", "高雄市", "kaohsiung city"],
  ["pingtung", "屏東縣", "pingtung county"],
  ["yilan", "宜蘭縣", "yilan county"],
  ["hualien", "花蓮縣", "hualien county"],
  ["taitung", "台東縣", "taitung county"],
  ["penghu", "澎湖縣", "penghu county"],
  ["kinmen", "金門縣", "kinmen county"],
  ["lienchiang", "連江縣", "lienchiang county matsu"],
];

/** Lower-cased, 臺 folded to 台, so "臺北", "台北" and "Taipei" all find the same rows. The app folds queries alike. */
const fold = (expr: string) => `translate(lower(${expr}), '臺', '台')`;

function searchExpression(table: (typeof TABLES)[number]) {
  const cols = SEARCHED[table].flatMap((c) => [`${c}_en`, `${c}_zh`]).map((c) => `coalesce("${c}", '')`);
  return sql.raw(`${fold([...cols, "directory_city_names(cities)"].join(" || ' ' || "))}`);
}

export async function up(db: Kysely<any>): Promise<void> {
  const cases = CITY_NAMES.map(([code, zh, en]) => `when '${code}' then '${zh} ${en}'`).join(" ");
  await sql
    .raw(
      `create function directory_city_names(codes jsonb) returns text language sql immutable parallel safe as $$
      select coalesce(string_agg(case c ${cases} else '' end, ' '), '') from jsonb_array_elements_text(codes) as c $$`
    )
    .execute(db);
  for (const table of TABLES) {
    await db.schema
      .alterTable(table)
      .addColumn("source_publisher", "text")
      .addColumn("source_date", "text")
      .addColumn("unverified", "boolean", (c) => c.notNull().defaultTo(false))
      .execute();
  }
  await db.schema
    .alterTable("rental_services")
    .addColumn("address_en", "text")
    .addColumn("address_zh", "text")
    .execute();
  await db.schema
    .alterTable("education_programmes")
    .addColumn("address_en", "text")
    .addColumn("address_zh", "text")
    .addColumn("curriculum_en", "text")
    .addColumn("curriculum_zh", "text")
    .addColumn("curricula", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .execute();
  const { rows } = await sql<{
    nsp: string;
  }>`select extnamespace::regnamespace::text as nsp from pg_extension where extname = 'pg_trgm'`.execute(db);
  const trgm = sql.raw(`${rows[0]!.nsp}.gin_trgm_ops`);
  for (const table of TABLES) {
    // PostgreSQL 15 cannot change a generated expression in place: drop and add it again.
    await db.schema.alterTable(table).dropColumn("search_text").execute();
    await db.schema
      .alterTable(table)
      .addColumn("search_text", "text", (c) => c.notNull().generatedAlwaysAs(searchExpression(table)).stored())
      .execute();
    await sql`create index ${sql.raw(`${table}_search_trgm_idx`)} on ${sql.table(
      table
    )} using gin (search_text ${trgm})`.execute(db);
    await sql`create index ${sql.raw(`${table}_verified_idx`)} on ${sql.table(
      table
    )} (last_verified, id) where status = 'active'`.execute(db);
    // A page of the list walks these in order (one per reading language) instead of sorting every entry.
    for (const [lang, order] of [
      ["en", ["en", "zh"]],
      ["zh", ["zh", "en"]],
    ] as const) {
      const cols = TITLES[table].flatMap((f) => order.map((l) => `"${f}_${l}"`)).join(", ");
      await sql`create index ${sql.raw(`${table}_title_${lang}_idx`)} on ${sql.table(table)} ((coalesce(${sql.raw(
        cols
      )})), id) where status = 'active'`.execute(db);
    }
  }
  await sql`alter table cases drop constraint cases_kind_check`.execute(db);
  await sql`alter table cases add constraint cases_kind_check check (kind in ('consultation', 'application', 'directory-correction'))`.execute(
    db
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from cases where kind = 'directory-correction'`.execute(db);
  await sql`alter table cases drop constraint cases_kind_check`.execute(db);
  await sql`alter table cases add constraint cases_kind_check check (kind in ('consultation', 'application'))`.execute(
    db
  );
  for (const table of TABLES) {
    await sql`drop index if exists ${sql.raw(`${table}_search_trgm_idx`)}`.execute(db);
    await sql`drop index if exists ${sql.raw(`${table}_verified_idx`)}`.execute(db);
    for (const lang of ["en", "zh"])
      await sql`drop index if exists ${sql.raw(`${table}_title_${lang}_idx`)}`.execute(db);
    await db.schema.alterTable(table).dropColumn("search_text").execute();
    await db.schema
      .alterTable(table)
      .dropColumn("source_publisher")
      .dropColumn("source_date")
      .dropColumn("unverified")
      .execute();
  }
  await db.schema.alterTable("rental_services").dropColumn("address_en").dropColumn("address_zh").execute();
  await db.schema
    .alterTable("education_programmes")
    .dropColumn("address_en")
    .dropColumn("address_zh")
    .dropColumn("curriculum_en")
    .dropColumn("curriculum_zh")
    .dropColumn("curricula")
    .execute();
  const old = (cols: string[]) => sql.raw(`lower(${cols.map((c) => `coalesce("${c}", '')`).join(" || ' ' || ")})`);
  const before: Record<string, string[]> = {
    bank_branches: ["bank", "branch", "district", "address", "hours", "note"],
    rental_services: ["name", "note"],
    education_programmes: ["name", "eligibility", "how_to_apply", "note"],
  };
  for (const table of TABLES) {
    const cols = before[table]!.flatMap((c) => [`${c}_en`, `${c}_zh`]);
    await db.schema
      .alterTable(table)
      .addColumn("search_text", "text", (c) => c.generatedAlwaysAs(old(cols)).stored())
      .execute();
  }
  await sql`drop function directory_city_names(jsonb)`.execute(db);
}
