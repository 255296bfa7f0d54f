import { readFileSync } from "node:fs";
import path from "node:path";
import type { Kysely } from "kysely";
import type { Database } from "../schema";

const TABLES = { banks: "bank_branches", rentals: "rental_services", schools: "education_programmes" } as const;
const LIST_COLUMNS = new Set(["cities", "languages", "services", "kinds", "levels", "curricula"]);

type SeedEntry = Record<string, string | string[]>;

/** Real entries from the reference (content/directories/entries.json, validated by tests). Staff edits win. */
export async function seedDirectories(db: Kysely<Database>): Promise<void> {
  const file = path.resolve(process.cwd(), "content/directories/entries.json");
  const data = JSON.parse(readFileSync(file, "utf8")) as Record<keyof typeof TABLES, SeedEntry[]>;
  for (const [kind, table] of Object.entries(TABLES) as [keyof typeof TABLES, (typeof TABLES)[keyof typeof TABLES]][]) {
    const rows = (data[kind] ?? []).map((entry) =>
      Object.fromEntries(Object.entries(entry).map(([k, v]) => [k, LIST_COLUMNS.has(k) ? JSON.stringify(v) : v]))
    );
    if (rows.length === 0) continue;
    await (db as unknown as Kysely<Record<string, SeedEntry>>)
      .insertInto(table)
      .values(rows)
      .onConflict((oc) => oc.column("id").doNothing())
      .execute();
  }
}
