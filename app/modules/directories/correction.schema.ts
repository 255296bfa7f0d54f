import { z } from "zod";
import { hasControlChars } from "./text";

const msg = (key: string) => ({ message: `directories:report.errors.${key}` });

/** "Report a change" on a directory entry: what is wrong, what is right, optionally how to reach the reporter. */
export const CorrectionSchema = z.object({
  field: z.string({ required_error: msg("field").message }).regex(/^[a-z_]{1,40}$/, msg("field")),
  message: z
    .string({ required_error: msg("message").message })
    .trim()
    .min(10, msg("message"))
    .max(2000, msg("tooLong"))
    .refine((v) => !hasControlChars(v), msg("message")),
  email: z.string().trim().max(200, msg("tooLong")).email(msg("email")).optional(),
  submissionToken: z.string().regex(/^[\w-]{16,64}$/),
});
export type CorrectionInput = z.infer<typeof CorrectionSchema>;
