import { parseWithZod } from "@conform-to/zod/v3";
import type { Kysely } from "kysely";
import type { Database } from "~db/schema";
import type { AuditContext } from "./audit.server";
import { dayOutOfOrder, HolidayAddSchema, HolidayRemoveSchema, SlaTargetsSchema } from "./settings.schema";
import { addHoliday, removeHoliday, updateSlaSettings } from "./settings.server";

export type SettingsIntent = "targets" | "addHoliday" | "removeHoliday";

/** What the page shows after a refused submit: which form, one message key per field, the values sent. */
export interface SettingsProblem {
  intent: SettingsIntent;
  errors: Record<string, string>;
  values: Record<string, unknown>;
}

export type SettingsResult =
  | { ok: true; saved: SettingsIntent }
  | { ok: false; status: 400 | 409; problem: SettingsProblem };

const schemas = {
  targets: SlaTargetsSchema,
  addHoliday: HolidayAddSchema,
  removeHoliday: HolidayRemoveSchema,
} as const;
const conflictMessage = {
  stale: "staff:settings.errors.stale",
  duplicate: "staff:settings.errors.duplicate",
  missing: "staff:settings.errors.missing",
} as const;
// The field a conflict is about (the form-level stale message points at the first field).
const conflictField = { stale: "firstResponseHours", duplicate: "day", missing: "holidays" } as const;

const fieldOrder = [
  "version",
  "firstResponseHours",
  "nextResponseHours",
  "dayStart",
  "dayEnd",
  "workdays",
  "day",
  "label",
];

function firstErrors(error: Record<string, string[] | null> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, keys] of Object.entries(error ?? {})) {
    const key = keys?.[0];
    if (key) out[name.split(/[.[]/)[0] || "form"] ??= key;
  }
  return out;
}

/** Validates and applies one of the settings page's three forms (targets, add a holiday, remove one). */
export async function changeSettings(
  db: Kysely<Database>,
  ctx: AuditContext,
  formData: FormData
): Promise<SettingsResult> {
  const raw = formData.get("intent");
  const intent: SettingsIntent = raw === "addHoliday" || raw === "removeHoliday" ? raw : "targets";
  const values = Object.fromEntries(
    [...formData.keys()]
      .filter((k) => k !== "_csrf")
      .map((k) => [k, k === "workdays" ? formData.getAll(k) : formData.get(k)])
  );
  const submission = parseWithZod(formData, { schema: schemas[intent] });
  if (submission.status !== "success") {
    const errors = firstErrors(submission.reply().error);
    // zod skips the object-level check while a field is wrong; every problem is reported at once.
    if (intent === "targets" && !errors.dayEnd && dayOutOfOrder(values.dayStart, values.dayEnd))
      errors.dayEnd = "staff:settings.errors.order";
    const ordered = Object.fromEntries(
      Object.entries(errors).sort(([a], [b]) => fieldOrder.indexOf(a) - fieldOrder.indexOf(b))
    );
    return { ok: false, status: 400, problem: { intent, errors: ordered, values } };
  }
  const input = submission.value;
  const outcome =
    input.intent === "targets"
      ? await updateSlaSettings(db, ctx, input)
      : input.intent === "addHoliday"
      ? await addHoliday(db, ctx, input)
      : await removeHoliday(db, ctx, input.day);
  if (outcome.ok) return { ok: true, saved: intent };
  return {
    ok: false,
    status: 409,
    problem: { intent, errors: { [conflictField[outcome.reason]]: conflictMessage[outcome.reason] }, values },
  };
}
