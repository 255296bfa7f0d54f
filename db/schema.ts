import type { ColumnType, Generated } from "kysely";

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

export interface Database {
  eligibility_checks: EligibilityChecksTable;
}
