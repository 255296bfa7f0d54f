import { sql, type Kysely } from "kysely";

// Frozen copy of the ISO 3166-1 alpha-2 codes and portal languages of 2026-12-02 (migrations import no app code).
const CODES = (
  "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV " +
  "BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES " +
  "ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE " +
  "IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY " +
  "MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU " +
  "NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM " +
  "SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE " +
  "VG VI VN VU WF WS YE YT ZA ZM ZW"
).split(" ");
const LANGS = ["en", "zh-TW", "ja", "ko", "vi", "id", "th"];

const norm = (value: string) =>
  value
    .normalize("NFKC")
    .trim()
    .toLowerCase()
    .replace(/[\s.]+/g, " ");

/** Free-text nationality → ISO code, by code or by the country's name in a portal language; null when unsure. */
export function nationalityCode(value: string): string | null {
  const key = norm(value);
  const found = new Set<string>();
  for (const code of CODES) {
    if (key === code.toLowerCase()) found.add(code);
    for (const lang of LANGS) {
      const name = new Intl.DisplayNames([lang], { type: "region", fallback: "none" }).of(code);
      if (name && norm(name) === key) found.add(code);
    }
  }
  return found.size === 1 ? [...found][0]! : null;
}

/** Values already stored: codes where the mapping is unambiguous, anything else left as typed. */
export async function up(db: Kysely<any>): Promise<void> {
  const { rows } = await sql<{ value: string }>`
    select nationality as value from cases where nationality is not null
    union select details->>'nationality' from cases where details ? 'nationality'
    union select data->>'nationality' from application_drafts where data ? 'nationality'`.execute(db);
  for (const { value } of rows) {
    const code = nationalityCode(value);
    if (!code || code === value) continue;
    await sql`update cases set nationality = ${code} where nationality = ${value}`.execute(db);
    await sql`update cases set details = jsonb_set(details, '{nationality}', to_jsonb(${code}::text))
      where details->>'nationality' = ${value}`.execute(db);
    await sql`update application_drafts set data = jsonb_set(data, '{nationality}', to_jsonb(${code}::text))
      where data->>'nationality' = ${value}`.execute(db);
  }
}

/** Codes are valid free text, and what was typed before is not kept: nothing to undo. */
export async function down(): Promise<void> {}
