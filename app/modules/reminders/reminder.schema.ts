import { z } from "zod";
import { DOCUMENT_KINDS } from "./document-kinds";
import { isIsoDay } from "./reminder-dates";

const msg = (key: string) => ({ message: `reminders:errors.${key}` });
const day = (key: string) => z.string(msg(key)).trim().refine(isIsoDay, msg(key));

/**
 * The document form. `today` is the Taipei day: an expiry before it, or an own reminder date outside today…expiry, is
 * refused. The owner never comes from the form: the session decides it.
 */
export function documentFormSchema(today: string) {
  return z
    .object({
      kind: z.enum(DOCUMENT_KINDS, { errorMap: () => msg("kind") }),
      holder: z.enum(["self", "family"], { errorMap: () => msg("holder") }),
      holderName: z.string().trim().max(100, msg("holderNameLong")).optional(),
      expiresOn: day("expiresOnInvalid").refine((d) => !isIsoDay(d) || d >= today, msg("expiresOnPast")),
      ownAmount: z
        .number(msg("ownAmount"))
        .int(msg("ownAmount"))
        .min(1, msg("ownAmount"))
        .max(730, msg("ownAmount"))
        .optional(),
      ownUnit: z.enum(["days", "weeks"], { errorMap: () => msg("ownUnit") }).default("days"),
      remindOn: day("remindOnInvalid").optional(),
    })
    .superRefine((v, ctx) => {
      if (v.holder === "family" && !v.holderName)
        ctx.addIssue({ code: "custom", path: ["holderName"], ...msg("holderName") });
      if (v.remindOn && (v.remindOn < today || v.remindOn > v.expiresOn))
        ctx.addIssue({ code: "custom", path: ["remindOn"], ...msg("remindOnRange") });
    });
}

export type DocumentForm = z.infer<ReturnType<typeof documentFormSchema>>;
export type DocumentFormInput = z.input<ReturnType<typeof documentFormSchema>>;
