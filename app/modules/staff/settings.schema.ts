import { z } from "zod";

const msg = (key: string) => `staff:settings.errors.${key}`;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** ISO weekdays, Monday = 1 … Sunday = 7 (as in sla_settings.workdays and `extract(isodow …)`). */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

const hours = z
  .number({ required_error: msg("hours"), invalid_type_error: msg("hours") })
  .int(msg("hours"))
  .min(1, msg("hours"))
  .max(200, msg("hours"));
const time = z.string({ required_error: msg("time") }).regex(TIME, msg("time"));

function isCalendarDate(value: string): boolean {
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

/** True when both are valid times and the business day would not end after it starts. */
export function dayOutOfOrder(start: unknown, end: unknown): boolean {
  return typeof start === "string" && typeof end === "string" && TIME.test(start) && TIME.test(end) && start >= end;
}

/** The response-targets form; `version` is the row's updated_at as it was read (optimistic concurrency). */
export const SlaTargetsSchema = z
  .object({
    intent: z.literal("targets"),
    version: z.string({ required_error: msg("stale") }).regex(/^\d{1,20}$/, msg("stale")),
    firstResponseHours: hours,
    nextResponseHours: hours,
    dayStart: time,
    dayEnd: time,
    workdays: z
      .array(
        z
          .number({ invalid_type_error: msg("workdays") })
          .int()
          .min(1, msg("workdays"))
          .max(7, msg("workdays")),
        { required_error: msg("workdays") }
      )
      .min(1, msg("workdays"))
      .transform((days) => [...new Set(days)].sort((a, b) => a - b)),
  })
  .superRefine((v, ctx) => {
    if (dayOutOfOrder(v.dayStart, v.dayEnd))
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["dayEnd"], message: msg("order") });
  });

export const HolidayAddSchema = z.object({
  intent: z.literal("addHoliday"),
  day: z
    .string({ required_error: msg("date") })
    .regex(DATE, msg("date"))
    .refine(isCalendarDate, msg("date")),
  label: z
    .string({ required_error: msg("label") })
    .trim()
    .min(1, msg("label"))
    .max(100, msg("labelLong"))
    // eslint-disable-next-line no-control-regex
    .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), msg("label")),
});

export const HolidayRemoveSchema = z.object({
  intent: z.literal("removeHoliday"),
  day: z.string().regex(DATE, msg("date")).refine(isCalendarDate, msg("date")),
});

export type SlaTargets = z.infer<typeof SlaTargetsSchema>;
export type HolidayAdd = z.infer<typeof HolidayAddSchema>;
