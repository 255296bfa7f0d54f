import { z } from "zod";

/** The earliest "as of" date with rules encoded for the pathways. */
export const EARLIEST_AS_OF = "2021-10-25";

export const StartSchema = z.object({
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "eligibility:errors.date" })
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), { message: "eligibility:errors.date" })
    .refine((d) => d >= EARLIEST_AS_OF && d <= "2099-12-31", { message: "eligibility:errors.dateRange" })
    .optional(),
});
