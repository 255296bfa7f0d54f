import { randomBytes } from "node:crypto";
import { sql, type Kysely } from "kysely";
import type { Database } from "~db/schema";
import { parseCsv, restoreCell, LIST_SEPARATOR, type CsvRecord } from "./csv.server";
import { generic, type Db } from "./directories.server";
import { entrySchema, type EntryInput } from "./entry.schema";
import { DIRECTORIES, textColumns, type DirectoryDef, type DirectoryKind } from "./kinds";

/** A problem with one row of an import: the file line, the column (if any) and an i18n reason key. */
export interface RowError {
  line: number;
  column: string | null;
  reason: string;
}

export interface ImportReport {
  /** A problem with the whole file (malformed, wrong header): nothing was imported. */
  fileError: { line: number | null; reason: string; detail?: string } | null;
  errors: RowError[];
  goodRows: number;
  created: number;
  updated: number;
  /** Whether anything was written. */
  imported: boolean;
}

function slugFor(def: DirectoryDef, input: EntryInput): string {
  const base = def.titleFields
    .map((f) => input[`${f}_en`])
    .filter((v): v is string => typeof v === "string")
    .join(" ")
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `${base || "entry"}-${randomBytes(3).toString("hex")}`;
}

/** The columns to write for a validated entry. */
export function toRow(def: DirectoryDef, input: EntryInput): Record<string, string | boolean | null> {
  const row: Record<string, string | boolean | null> = {};
  for (const col of textColumns(def))
    row[col] = typeof input[col] === "string" && input[col] ? (input[col] as string) : null;
  for (const list of def.lists) row[list.name] = JSON.stringify(input[list.name] ?? []);
  row.source_title = input.source_title as string;
  row.source_url = (input.source_url as string | undefined) ?? null;
  row.source_publisher = (input.source_publisher as string | undefined) ?? null;
  row.source_date = (input.source_date as string | undefined) ?? null;
  row.unverified = input.unverified === true;
  row.last_verified = input.last_verified as string;
  return row;
}

async function upsert(
  db: Db,
  def: DirectoryDef,
  id: string,
  row: Record<string, string | boolean | null>
): Promise<"created" | "updated"> {
  const result = await generic(db)
    .insertInto(def.table)
    .values({ id, ...row })
    .onConflict((oc) => oc.column("id").doUpdateSet({ ...row, updated_at: sql`now()` }))
    .returning(sql<boolean>`(xmax = 0)`.as("inserted"))
    .executeTakeFirstOrThrow();
  return result.inserted ? "created" : "updated";
}

/** Creates an entry from validated input; the id is made from the English title when none is given. */
export async function createEntry(
  db: Kysely<Database>,
  kind: DirectoryKind,
  input: EntryInput
): Promise<{ ok: true; id: string } | { ok: false; reason: "id-taken" }> {
  const def = DIRECTORIES[kind];
  const id = (input.id as string | undefined) ?? slugFor(def, input);
  const inserted = await generic(db)
    .insertInto(def.table)
    .values({ id, ...toRow(def, input) })
    .onConflict((oc) => oc.column("id").doNothing())
    .returning("id")
    .executeTakeFirst();
  return inserted ? { ok: true, id } : { ok: false, reason: "id-taken" };
}

/** Replaces an entry's fields (the id stays). */
export async function updateEntry(
  db: Kysely<Database>,
  kind: DirectoryKind,
  id: string,
  input: EntryInput
): Promise<{ ok: boolean }> {
  const def = DIRECTORIES[kind];
  const result = await generic(db)
    .updateTable(def.table)
    .set({ ...toRow(def, input), updated_at: sql`now()` })
    .where("id", "=", id)
    .executeTakeFirst();
  return { ok: Number(result.numUpdatedRows) === 1 };
}

/** Retires (hides) or restores an entry; it stays in the table for the record. */
export async function setEntryStatus(
  db: Kysely<Database>,
  kind: DirectoryKind,
  id: string,
  status: "active" | "retired"
): Promise<{ ok: boolean }> {
  const result = await generic(db)
    .updateTable(DIRECTORIES[kind].table)
    .set({ status, retired_at: status === "retired" ? sql`now()` : null, updated_at: sql`now()` })
    .where("id", "=", id)
    .executeTakeFirst();
  return { ok: Number(result.numUpdatedRows) === 1 };
}

function recordInput(def: DirectoryDef, record: CsvRecord): Record<string, unknown> {
  const lists = new Set(def.lists.map((l) => l.name));
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(record.values)) {
    const value = restoreCell(raw).trim();
    if (value === "") continue;
    out[key] = lists.has(key)
      ? value
          .split(LIST_SEPARATOR)
          .map((v) => v.trim())
          .filter(Boolean)
      : restoreCell(raw);
  }
  return out;
}

/** Validates each record; returns the good ones with their input and every problem by line and column. */
export function validateRecords(def: DirectoryDef, records: CsvRecord[], width: number) {
  const schema = entrySchema(def);
  const good: { line: number; input: EntryInput }[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  for (const record of records) {
    if (record.cells !== width) {
      errors.push({ line: record.line, column: null, reason: "directories:import.cellCount" });
      continue;
    }
    const parsed = schema.safeParse(recordInput(def, record));
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        errors.push({ line: record.line, column: issue.path.join(".") || null, reason: issue.message });
      continue;
    }
    const id = parsed.data.id as string | undefined;
    if (id && seen.has(id)) {
      errors.push({ line: record.line, column: "id", reason: "directories:import.duplicateId" });
      continue;
    }
    if (id) seen.set(id, record.line);
    good.push({ line: record.line, input: parsed.data as EntryInput });
  }
  return { good, errors };
}

/**
 * Imports a CSV in one transaction. Rows with an existing id update it, others are created.
 * With any bad row nothing is written, unless `goodRowsOnly` is set.
 */
export async function importCsv(
  db: Kysely<Database>,
  kind: DirectoryKind,
  text: string,
  options: { goodRowsOnly: boolean }
): Promise<ImportReport> {
  const def = DIRECTORIES[kind];
  const parsed = parseCsv(def, text);
  const empty = { errors: [], goodRows: 0, created: 0, updated: 0, imported: false };
  if (!parsed.ok) return { ...empty, fileError: { line: parsed.line, reason: parsed.reason, detail: parsed.detail } };
  const { good, errors } = validateRecords(def, parsed.records, parsed.width);
  const report: ImportReport = { ...empty, fileError: null, errors, goodRows: good.length };
  if ((errors.length > 0 && !options.goodRowsOnly) || good.length === 0) return report;
  await db.transaction().execute(async (trx) => {
    for (const { input } of good) {
      const outcome = await upsert(
        trx,
        def,
        (input.id as string | undefined) ?? slugFor(def, input),
        toRow(def, input)
      );
      report[outcome] += 1;
    }
  });
  return { ...report, imported: true };
}
