import { z } from "zod";
import { todayInTaipei } from "~/lib/i18n/format";
import { isCalendarDate } from "./rules.schema";

/** The earliest "as of" date: the first rule set's effective date (a content test keeps them equal). */
export const EARLIEST_AS_OF = "2021-10-25";
/** How far ahead a check may look: no rules are published further out than that. */
export const HORIZON_YEARS = 2;

/** The latest "as of" date: the same day {@link HORIZON_YEARS} years after today in Taipei (28 Feb for 29 Feb). */
export function latestAsOf(today: string = todayInTaipei()): string {
  const monthDay = today.slice(5) === "02-29" ? "02-28" : today.slice(5);
  return `${Number(today.slice(0, 4)) + HORIZON_YEARS}-${monthDay}`;
}

/** A real calendar date within the range with encoded rules; the wizard and the API share it. */
export const asOfSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "eligibility:errors.date" })
  .superRefine((d, ctx) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) return;
    if (!isCalendarDate(d)) ctx.addIssue({ code: "custom", message: "eligibility:errors.date" });
    else if (d < EARLIEST_AS_OF || d > latestAsOf())
      ctx.addIssue({ code: "custom", message: "eligibility:errors.dateRange" });
  });

export const StartSchema = z.object({ asOf: asOfSchema.optional() });
