import { CsvError, parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { FORMULA_START } from "./entry.schema";
import { csvColumns, type DirectoryDef } from "./kinds";
import type { DirectoryRow } from "./present";

/** Separator of codes inside one list cell, e.g. `zh|en`. */
export const LIST_SEPARATOR = "|";
export const MAX_IMPORT_ROWS = 2000;

/** OWASP: a cell a spreadsheet would run as a formula is prefixed with a quote so it stays text. */
export function neutralizeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function cell(row: DirectoryRow, column: string, def: DirectoryDef): string {
  const value = row[column];
  if (def.lists.some((l) => l.name === column)) return (Array.isArray(value) ? value : []).join(LIST_SEPARATOR);
  return value === null || value === undefined ? "" : neutralizeCell(String(value));
}

/** Undoes `neutralizeCell`, so the portal's own export imports again (the value is then validated). */
export function restoreCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/** The CSV export: a UTF-8 BOM (so spreadsheets read Chinese right), a header row, one line per entry. */
export function toCsv(def: DirectoryDef, rows: DirectoryRow[]): string {
  const columns = csvColumns(def);
  const records = rows.map((row) => columns.map((c) => cell(row, c, def)));
  return `\uFEFF${stringify([columns, ...records], { record_delimiter: "\r\n" })}`;
}

/** The JSON export: the same columns, lists as arrays. */
export function toJsonEntries(def: DirectoryDef, rows: DirectoryRow[]): Record<string, unknown>[] {
  const columns = csvColumns(def);
  return rows.map((row) => Object.fromEntries(columns.map((c) => [c, row[c] ?? null])));
}

export interface CsvRecord {
  /** The line in the file where the record ends (1 = the header). */
  line: number;
  values: Record<string, string>;
  /** How many cells the record had (compare with the header's width). */
  cells: number;
}

export type ParsedCsv =
  | { ok: true; records: CsvRecord[]; width: number }
  | { ok: false; line: number | null; reason: string; detail?: string };

function checkHeader(def: DirectoryDef, header: string[]): ParsedCsv | null {
  const known = new Set(csvColumns(def));
  const unknown = header.filter((h) => !known.has(h));
  if (unknown.length)
    return {
      ok: false,
      line: 1,
      reason: "directories:import.unknownColumns",
      detail: unknown.slice(0, 5).join(", ").slice(0, 200),
    };
  if (new Set(header).size !== header.length)
    return { ok: false, line: 1, reason: "directories:import.duplicateColumns" };
  const missing = ["source_title", "source_url", "last_verified"].filter((c) => !header.includes(c));
  if (missing.length)
    return { ok: false, line: 1, reason: "directories:import.missingColumns", detail: missing.join(", ") };
  return null;
}

/** Parses an upload into records keyed by header; a malformed file is one clear error with its line. */
export function parseCsv(def: DirectoryDef, text: string): ParsedCsv {
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, {
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
      max_record_size: 20_000,
    }) as unknown as typeof rows;
  } catch (error) {
    if (error instanceof CsvError)
      return {
        ok: false,
        line: (error as CsvError & { lines?: number }).lines ?? null,
        reason: "directories:import.malformed",
      };
    throw error;
  }
  const [head, ...body] = rows;
  if (!head) return { ok: false, line: null, reason: "directories:import.empty" };
  const header = head.record.map((h) => h.trim());
  const headerError = checkHeader(def, header);
  if (headerError) return headerError;
  if (body.length === 0) return { ok: false, line: null, reason: "directories:import.noRows" };
  if (body.length > MAX_IMPORT_ROWS) return { ok: false, line: null, reason: "directories:import.tooManyRows" };
  const records = body.map(({ record, info }) => ({
    line: info.lines,
    values: Object.fromEntries(header.map((h, i) => [h, record[i] ?? ""])),
    cells: record.length,
  }));
  return { ok: true, records, width: header.length };
}
