import { z } from "zod";
import { cityFromAddress, type DirectoryDef, type ListField, type TextField } from "./kinds";
import { hasControlChars } from "./text";

/** Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection). */
export const FORMULA_START = /^[=+\-@\t\r]/;
const PHONE = /^\+?[0-9][0-9 ()#,-]{5,39}$/;
const ID = /^[a-z0-9][a-z0-9-]{1,79}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A source's own date may be a year, a month or a day. */
const SOURCE_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const TRUE = new Set([true, "true", "yes", "1", "on"]);
const FALSE = new Set([false, undefined, null, "", "false", "no", "0"]);

const msg = (key: string) => ({ message: `directories:errors.${key}` });

function isCalendarDate(value: string): boolean {
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

/** Plain text: trimmed, bounded, no control characters, never a spreadsheet formula. */
function safeText(max: number) {
  return z
    .string()
    .trim()
    .max(max, msg("tooLong"))
    .refine((v) => !hasControlChars(v), msg("control"))
    .refine((v) => !FORMULA_START.test(v), msg("formula"));
}

function textSchema(field: TextField) {
  if (field.format === "phone") return z.string().trim().regex(PHONE, msg("phone"));
  if (field.format === "email") return z.string().trim().max(200, msg("tooLong")).email(msg("email"));
  if (field.format === "url")
    return z
      .string()
      .trim()
      .max(500, msg("tooLong"))
      .url(msg("url"))
      .refine((v) => /^https?:\/\//i.test(v), msg("url"));
  return safeText(field.long ? 2000 : 300);
}

const asArray = (v: unknown) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]);

function listSchema(field: ListField) {
  const item = z.string().refine((v) => field.vocab.includes(v), msg("unknownCode"));
  const list = z.array(item).transform((v) => [...new Set(v)]);
  const bounded = field.max ? list.refine((v) => v.length <= (field.max ?? Infinity), msg("tooMany")) : list;
  return z.preprocess(asArray, bounded);
}

/** The validation schema of one directory's entry, shared by the staff form and the CSV import. */
export function entrySchema(def: DirectoryDef) {
  const shape: Record<string, z.ZodTypeAny> = {
    id: z.string().trim().regex(ID, msg("id")).optional(),
    source_title: safeText(300).optional(),
    source_url: z
      .string()
      .trim()
      .url(msg("url"))
      .refine((v) => /^https?:\/\//i.test(v), msg("url"))
      .optional(),
    source_publisher: safeText(200).optional(),
    source_date: z.string().trim().regex(SOURCE_DATE, msg("sourceDate")).optional(),
    unverified: z.preprocess(
      (v) => (TRUE.has(v as never) ? true : FALSE.has(v as never) ? false : v),
      z.boolean(msg("flag"))
    ),
    last_verified: z.string().trim().regex(DATE, msg("date")).refine(isCalendarDate, msg("date")).optional(),
  };
  for (const field of def.text) {
    const names = field.localized ? [`${field.name}_en`, `${field.name}_zh`] : [field.name];
    for (const name of names) shape[name] = textSchema(field).optional();
  }
  for (const list of def.lists) shape[list.name] = listSchema(list);
  // Presence is checked here, not by the fields, so that every problem in a form or row is reported at once.
  return z.object(shape).superRefine((value, ctx) => {
    for (const field of def.text.filter((f) => f.required)) {
      if (!value[`${field.name}_en`] && !value[`${field.name}_zh`]) {
        ctx.addIssue({ code: "custom", path: [`${field.name}_en`], message: "directories:errors.required" });
      }
    }
    if (!value.source_title)
      ctx.addIssue({ code: "custom", path: ["source_title"], message: "directories:errors.sourceTitle" });
    if (!value.source_url)
      ctx.addIssue({ code: "custom", path: ["source_url"], message: "directories:errors.sourceUrl" });
    checkAddressCity(value, ctx);
    if (!value.last_verified)
      ctx.addIssue({ code: "custom", path: ["last_verified"], message: "directories:errors.date" });
  });
}

/** An address that names a county must agree with the entry's county (the map places entries by it). */
function checkAddressCity(value: Record<string, unknown>, ctx: z.RefinementCtx) {
  const cities = Array.isArray(value.cities) ? (value.cities as string[]) : [];
  for (const column of ["address_zh", "address_en"]) {
    const city = cityFromAddress(typeof value[column] === "string" ? (value[column] as string) : null);
    if (city && !cities.includes(city))
      ctx.addIssue({ code: "custom", path: ["cities"], message: "directories:errors.addressCity" });
    if (city) return;
  }
}

/** A validated entry: column name to value. */
export type EntryInput = Record<string, string | string[] | boolean | undefined>;
