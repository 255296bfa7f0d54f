import type { ColumnType, Generated, GeneratedAlways } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = unknown> = ColumnType<T, string, string>;

/** A wizard run: answers kept server-side under a random id (never in the URL as data). */
export interface EligibilityChecksTable {
  id: string;
  answers: Json<Record<string, unknown>>;
  result: Json<unknown> | null;
  as_of: string | null;
  lang: string;
  version: Generated<number>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
  completed_at: Timestamp | null;
}

type JsonList = ColumnType<string[], string, string>;

/** Columns every directory table shares: status, source, verification date, search text, timestamps. */
interface DirectoryCommon {
  id: string;
  status: Generated<"active" | "retired">;
  cities: JsonList;
  languages: JsonList;
  note_en: string | null;
  note_zh: string | null;
  phone: string | null;
  website: string | null;
  source_title: string;
  source_url: string | null;
  /** YYYY-MM-DD: when the entry was last checked against its source. */
  last_verified: string;
  /** Lower-cased text of the bilingual fields, a generated column. */
  search_text: GeneratedAlways<string>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
  retired_at: Timestamp | null;
}

/** Bilingual bank branches and one-stop banking. */
export interface BankBranchesTable extends DirectoryCommon {
  bank_en: string | null;
  bank_zh: string | null;
  branch_en: string | null;
  branch_zh: string | null;
  district_en: string | null;
  district_zh: string | null;
  address_en: string | null;
  address_zh: string | null;
  hours_en: string | null;
  hours_zh: string | null;
  services: JsonList;
}

/** Foreign-language rental agents and businesses. */
export interface RentalServicesTable extends DirectoryCommon {
  name_en: string | null;
  name_zh: string | null;
  email: string | null;
  services: JsonList;
}

/** Bilingual departments, transition and children's classes, international schools. */
export interface EducationProgrammesTable extends DirectoryCommon {
  name_en: string | null;
  name_zh: string | null;
  eligibility_en: string | null;
  eligibility_zh: string | null;
  how_to_apply_en: string | null;
  how_to_apply_zh: string | null;
  kinds: JsonList;
  levels: JsonList;
}

export interface Database {
  eligibility_checks: EligibilityChecksTable;
  bank_branches: BankBranchesTable;
  rental_services: RentalServicesTable;
  education_programmes: EducationProgrammesTable;
}
